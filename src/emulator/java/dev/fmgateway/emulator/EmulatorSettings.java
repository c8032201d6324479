package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EmulatorServer} starts.
 *
 * @param host address to bind, normally the loopback address
 * @param port TCP port, {@code 0} for an ephemeral one
 * @param accessKeyId the only access key id the emulator accepts
 * @param secretKey the secret that goes with it (SigV4 is verified against it)
 * @param latency added before every answer (and, in streams, before the first event)
 * @param streamInterval pause between two stream events, so clients see deltas arrive one by one
 * @param sagemakerEndpoints SageMaker endpoint name → container kind ({@code tgi}, {@code djl},
 *        {@code jumpstart-text}, {@code alexatm}, {@code sam}, {@code sam-one-shot})
 */
public record EmulatorSettings(String host, int port, String accessKeyId, String secretKey, Duration latency,
        Duration streamInterval, Map<String, String> sagemakerEndpoints) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAFMGATEWAYEMULATOR";
    public static final String DEFAULT_SECRET_KEY = "fmGatewayEmulatorSecretKey/DoNotUseInAws0000";
    public static final Duration DEFAULT_STREAM_INTERVAL = Duration.ofMillis(10);
    /** Endpoints known without configuration: one of each container kind. */
    public static final Map<String, String> DEFAULT_SAGEMAKER_ENDPOINTS = Map.of(
            "emulator-tgi", "tgi",
            "emulator-djl", "djl",
            "emulator-jumpstart-text", "jumpstart-text",
            "emulator-alexatm", "alexatm",
            "emulator-sam", "sam",
            "emulator-sam-one-shot", "sam-one-shot");

    public EmulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(streamInterval, "streamInterval");
        sagemakerEndpoints = Map.copyOf(sagemakerEndpoints);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (latency.isNegative() || streamInterval.isNegative()) {
            throw new IllegalArgumentException("latency and streamInterval must not be negative");
        }
        sagemakerEndpoints.values().forEach(ContainerKind::of);
    }

    /** Loopback, ephemeral port, default credentials, no latency, the default endpoints. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(DEFAULT_HOST, 0, DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_KEY, Duration.ZERO,
                DEFAULT_STREAM_INTERVAL, DEFAULT_SAGEMAKER_ENDPOINTS);
    }

    public EmulatorSettings withPort(int port) {
        return new EmulatorSettings(host, port, accessKeyId, secretKey, latency, streamInterval, sagemakerEndpoints);
    }

    public EmulatorSettings withLatency(Duration latency) {
        return new EmulatorSettings(host, port, accessKeyId, secretKey, latency, streamInterval, sagemakerEndpoints);
    }

    public EmulatorSettings withStreamInterval(Duration interval) {
        return new EmulatorSettings(host, port, accessKeyId, secretKey, latency, interval, sagemakerEndpoints);
    }

    public EmulatorSettings withSagemakerEndpoints(Map<String, String> endpoints) {
        return new EmulatorSettings(host, port, accessKeyId, secretKey, latency, streamInterval, endpoints);
    }
}
