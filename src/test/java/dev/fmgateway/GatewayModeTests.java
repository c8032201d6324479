package dev.fmgateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import dev.fmgateway.aws.AwsAccess;
import dev.fmgateway.aws.AwsProperties;

class GatewayModeTests {

    @Test
    void unsetMeansAwsAndAnyCaseIsAccepted() {
        assertThat(GatewayMode.parse(null)).isEqualTo(GatewayMode.AWS);
        assertThat(GatewayMode.parse(" ")).isEqualTo(GatewayMode.AWS);
        assertThat(GatewayMode.parse("AWS")).isEqualTo(GatewayMode.AWS);
        assertThat(GatewayMode.parse("Emulator")).isEqualTo(GatewayMode.EMULATOR);
    }

    @Test
    void aTypoStopsTheStartListingTheModes() {
        assertThatIllegalStateException().isThrownBy(() -> GatewayMode.parse("prod"))
            .withMessage("gateway.mode 'prod' is not a mode; use one of: aws, emulator");
    }

    private final ApplicationContextRunner production = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
        .withUserConfiguration(GatewayModeConfiguration.class, Aws.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AwsProperties.class)
    @Import(dev.fmgateway.aws.AwsConfiguration.class)
    static class Aws {
    }

    @Test
    void theProductionBuildCallsAwsByDefaultAndReadsUpperCase() {
        // Blank is what a packaged jar sees when nothing sets the mode (the test JVM itself runs in emulator mode).
        this.production.withPropertyValues("gateway.mode=").run(context -> assertThat(context.getBean(AwsAccess.class).bedrockEndpoint()).isNull());
        this.production.withPropertyValues("gateway.mode=AWS", "gateway.aws.bedrock-endpoint=http://127.0.0.1:1")
            .run(context -> assertThat(context.getBean(AwsAccess.class).bedrockEndpoint()).hasToString(
                    "http://127.0.0.1:1"));
    }

    @Test
    void theProductionBuildRefusesEmulatorModeItCannotServe() {
        this.production.withPropertyValues("gateway.mode=emulator")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("this build has no emulator"));
        this.production.withPropertyValues("gateway.mode=prod")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("use one of: aws, emulator"));
    }

    @Test
    void theFirstLinesSayWhereCallsGoAndWhichCredentialSourceSigns() {
        MockEnvironment environment = new MockEnvironment().withProperty("gateway.aws.bedrock-endpoint",
                "https://vpce.example");
        assertThat(UpstreamReport.lines(GatewayMode.AWS, environment, Map.of("AWS_ACCESS_KEY_ID", "AKIA-secretish")))
            .containsExactly("gateway.mode=aws: calls go to AWS",
                    "  Bedrock Runtime: https://vpce.example (gateway.aws.bedrock-endpoint)",
                    "  SageMaker Runtime: https://runtime.sagemaker.{region}.amazonaws.com (the public regional endpoint)",
                    "  credentials: environment variables (AWS_ACCESS_KEY_ID)");
        assertThat(UpstreamReport.credentialSource(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/t", "AWS_ROLE_ARN", "arn:r"),
                false)).contains("IRSA").contains("arn:r");
        assertThat(UpstreamReport.lines(GatewayMode.EMULATOR, environment, Map.of()).getFirst())
            .contains("emulator");
    }
}
