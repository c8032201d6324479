package dev.fmgateway.emulator;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.ConditionalOnGatewayMode;
import dev.fmgateway.GatewayMode;
import dev.fmgateway.aws.AwsAccess;
import dev.fmgateway.aws.LocalUpstream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * In {@code emulator} mode (the development build's default) the gateway talks to a built-in emulator: this starts it and
 * provides the {@link AwsAccess} that points both SDK clients at it with matching credentials. In
 * {@code aws} mode none of these beans exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGatewayMode(GatewayMode.EMULATOR)
@EnableConfigurationProperties(EmulatorProperties.class)
class EmulatorConfiguration {

    /** The emulator also serves every SageMaker endpoint of the catalog, as the container its family names. */
    @Bean(destroyMethod = "close")
    EmulatorServer emulatorServer(EmulatorProperties properties, ModelCatalog catalog) {
        EmulatorSettings settings = properties.toSettings();
        Map<String, String> endpoints = new HashMap<>(settings.sagemakerEndpoints());
        for (CatalogModel model : catalog.all()) {
            for (Deployment deployment : model.deployments()) {
                String kind = CONTAINERS.get(deployment.family());
                if (deployment.backend() == Backend.SAGEMAKER && kind != null) {
                    endpoints.putIfAbsent(deployment.upstreamId(), kind);
                }
            }
        }
        return EmulatorServer.start(settings.withSagemakerEndpoints(endpoints));
    }

    private static final Map<PayloadFamily, String> CONTAINERS = Map.of(PayloadFamily.HF_TGI, "tgi",
            PayloadFamily.DJL_LMI, "djl", PayloadFamily.JUMPSTART_TEXT, "jumpstart-text", PayloadFamily.ALEXATM,
            "alexatm", PayloadFamily.SAM, "sam", PayloadFamily.SAM_ONE_SHOT, "sam-one-shot");

    @Bean
    LocalUpstream emulatorUpstream(EmulatorServer emulator) {
        EmulatorSettings settings = emulator.settings();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKeyId(), settings.secretKey()));
        AwsAccess access = new AwsAccess(credentials, emulator.endpoint(), emulator.endpoint());
        return () -> access;
    }
}
