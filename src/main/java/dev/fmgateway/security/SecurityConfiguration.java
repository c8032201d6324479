package dev.fmgateway.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the API-key step in front of the API routes; operations routes (actuator, OpenAPI) stay open. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final ApiKeys keys;

    SecurityConfiguration(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(this.keys))
            .addPathPatterns("/v1/**", "/openai/**", "/anthropic/**");
    }
}
