package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.emulator.*}: how the built-in emulator starts in {@code emulator} mode.
 *
 * @param host bind address (loopback by default)
 * @param port TCP port, 0 = ephemeral
 * @param latency added before every answer
 * @param streamInterval pause between stream events
 * @param accessKeyId the access key the emulator accepts (the gateway signs with it)
 * @param secretKey its secret
 * @param sagemakerEndpoints endpoint name → container kind; when empty, the defaults of
 *        {@link EmulatorSettings#DEFAULT_SAGEMAKER_ENDPOINTS}
 */
@ConfigurationProperties("gateway.emulator")
public record EmulatorProperties(@DefaultValue(EmulatorSettings.DEFAULT_HOST) String host, @DefaultValue("0") int port,
        @DefaultValue("0ms") Duration latency, @DefaultValue("10ms") Duration streamInterval,
        @DefaultValue(EmulatorSettings.DEFAULT_ACCESS_KEY_ID) String accessKeyId,
        @DefaultValue(EmulatorSettings.DEFAULT_SECRET_KEY) String secretKey,
        @Nullable Map<String, String> sagemakerEndpoints) {

    EmulatorSettings toSettings() {
        return new EmulatorSettings(host, port, accessKeyId, secretKey, latency, streamInterval,
                sagemakerEndpoints == null || sagemakerEndpoints.isEmpty() ? EmulatorSettings.DEFAULT_SAGEMAKER_ENDPOINTS
                        : sagemakerEndpoints);
    }
}
