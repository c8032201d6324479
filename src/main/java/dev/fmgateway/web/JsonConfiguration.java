package dev.fmgateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamWriteFeature;

/** JSON as callers see it. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** Money is decimal and written plainly: {@code 0.0000002}, never {@code 2E-7}. */
    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
