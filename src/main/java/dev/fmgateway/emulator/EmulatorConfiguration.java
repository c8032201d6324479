package dev.fmgateway.emulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.provider.AwsAccess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * In {@code emulator} mode (the default) the gateway talks to a built-in emulator: this starts it and
 * provides the {@link AwsAccess} that points both SDK clients at it with matching credentials. In
 * {@code aws} mode none of these beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.mode", havingValue = "emulator", matchIfMissing = true)
@EnableConfigurationProperties(EmulatorProperties.class)
class EmulatorConfiguration {

    @Bean(destroyMethod = "close")
    EmulatorServer emulatorServer(EmulatorProperties properties) {
        return EmulatorServer.start(properties.toSettings());
    }

    @Bean
    AwsAccess emulatorAwsAccess(EmulatorServer emulator) {
        EmulatorSettings settings = emulator.settings();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretKey()));
        return new AwsAccess(credentials, emulator.endpoint(), emulator.endpoint());
    }
}
