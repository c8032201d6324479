package dev.fmgateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the global admission check in front of every model route, before any body is read. */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration implements WebMvcConfigurer {

    private final AdmissionInterceptor admission;

    AdmissionConfiguration(ResilienceProperties properties, MeterRegistry meters) {
        this.admission = new AdmissionInterceptor(properties.maxConcurrent(), meters);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this.admission).addPathPatterns("/v1/**", "/openai/**", "/model/**", "/endpoints/**");
    }
}
