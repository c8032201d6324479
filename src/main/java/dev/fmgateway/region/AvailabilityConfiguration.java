package dev.fmgateway.region;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.fmgateway.ConditionalOnGatewayMode;
import dev.fmgateway.GatewayMode;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.aws.AwsClients;
import dev.fmgateway.aws.RegionalClients;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;

/**
 * In {@code aws} mode with {@code gateway.regions.verify-at-startup=true}, checks the catalog against Bedrock's
 * control plane once the gateway is ready (in the background: serving does not wait for it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnGatewayMode(GatewayMode.AWS)
@ConditionalOnBooleanProperty("gateway.regions.verify-at-startup")
class AvailabilityConfiguration {

    /** Bedrock control-plane clients per region, used only for this check. */
    @Bean
    RegionalClients<BedrockAsyncClient> regionalControlClients(AwsClients clients, AvailabilityProperties availability) {
        return clients.perRegion(BedrockAsyncClient::builder, availability.controlEndpoint());
    }

    @Bean
    AvailabilityVerifier availabilityVerifier(ModelCatalog catalog, RegionalClients<BedrockAsyncClient> clients,
            AvailabilityProperties availability) {
        return new AvailabilityVerifier(catalog, clients, availability.timeout().toMillis());
    }

    @EventListener(ApplicationReadyEvent.class)
    void verify(ApplicationReadyEvent event) {
        AvailabilityVerifier verifier = event.getApplicationContext().getBean(AvailabilityVerifier.class);
        Thread.ofVirtual().name("catalog-availability-check").start(verifier::verify);
    }
}
