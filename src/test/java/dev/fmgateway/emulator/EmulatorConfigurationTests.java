package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.fmgateway.GatewayModeConfiguration;
import dev.fmgateway.aws.AwsAccess;
import dev.fmgateway.aws.LocalUpstream;

class EmulatorConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmulatorConfiguration.class, Catalog.class, GatewayModeConfiguration.class)
            .withPropertyValues("gateway.mode=emulator")
            .withPropertyValues("gateway.catalog.models.my-sam.name=SAM", "gateway.catalog.models.my-sam.vendor=Meta",
                    "gateway.catalog.models.my-sam.backend=SAGEMAKER", "gateway.catalog.models.my-sam.family=sam",
                    "gateway.catalog.models.my-sam.upstream-id=my-sam-endpoint",
                    "gateway.catalog.models.my-sam.capabilities=SEGMENTATION",
                    "gateway.catalog.models.my-sam.regions=us-east-1");

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(dev.fmgateway.catalog.CatalogProperties.class)
    @org.springframework.context.annotation.Import(dev.fmgateway.catalog.ModelCatalog.class)
    static class Catalog {
    }

    @Test
    void startsTheEmulatorInEmulatorModeAndPointsAwsAccessAtIt() {
        runner.withPropertyValues("gateway.emulator.latency=5ms", "gateway.emulator.sagemaker-endpoints.my-falcon=tgi")
                .run(context -> {
                    EmulatorServer server = context.getBean(EmulatorServer.class);
                    AwsAccess access = context.getBean(LocalUpstream.class).access();
                    assertThat(access.bedrockEndpoint()).isEqualTo(server.endpoint());
                    assertThat(access.sagemakerEndpoint()).isEqualTo(server.endpoint());
                    assertThat(access.credentials().resolveCredentials().accessKeyId())
                            .isEqualTo(EmulatorSettings.DEFAULT_ACCESS_KEY_ID);
                    assertThat(server.settings().latency()).isEqualTo(Duration.ofMillis(5));
                    assertThat(server.settings().sagemakerEndpoints())
                            .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("my-falcon", "tgi", "my-sam-endpoint", "sam"));
                    assertThat(server.port()).isPositive();
                });
    }

    @Test
    void isAbsentInAwsMode() {
        runner.withPropertyValues("gateway.mode=aws")
                .run(context -> assertThat(context).doesNotHaveBean(EmulatorServer.class).doesNotHaveBean(LocalUpstream.class));
    }
}
