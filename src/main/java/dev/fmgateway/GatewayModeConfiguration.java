package dev.fmgateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@link GatewayMode} bean that every component reads ({@code gateway.mode}, parsed once). */
@Configuration(proxyBeanMethods = false)
public class GatewayModeConfiguration {

    @Bean
    GatewayMode gatewayMode(Environment environment) {
        return GatewayMode.of(environment);
    }
}
