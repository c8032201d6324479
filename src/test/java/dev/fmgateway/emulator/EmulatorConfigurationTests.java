package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.fmgateway.provider.AwsAccess;

class EmulatorConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmulatorConfiguration.class);

    @Test
    void startsTheEmulatorByDefaultAndPointsAwsAccessAtIt() {
        runner.withPropertyValues("gateway.emulator.latency=5ms", "gateway.emulator.sagemaker-endpoints.my-falcon=tgi")
                .run(context -> {
                    EmulatorServer server = context.getBean(EmulatorServer.class);
                    AwsAccess access = context.getBean(AwsAccess.class);
                    assertThat(access.bedrockEndpoint()).isEqualTo(server.endpoint());
                    assertThat(access.sagemakerEndpoint()).isEqualTo(server.endpoint());
                    assertThat(access.credentials().resolveCredentials().accessKeyId())
                            .isEqualTo(EmulatorSettings.DEFAULT_ACCESS_KEY_ID);
                    assertThat(server.settings().latency()).isEqualTo(Duration.ofMillis(5));
                    assertThat(server.settings().sagemakerEndpoints()).containsExactlyEntriesOf(java.util.Map.of("my-falcon", "tgi"));
                    assertThat(server.port()).isPositive();
                });
    }

    @Test
    void isAbsentInAwsMode() {
        runner.withPropertyValues("gateway.mode=aws")
                .run(context -> assertThat(context).doesNotHaveBean(EmulatorServer.class).doesNotHaveBean(AwsAccess.class));
    }
}
