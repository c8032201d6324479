package dev.fmgateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice of one or more controllers with the gateway's real web layer around them: the problem
 * handlers, the request-id and body-size filters, and the region-header, API-key and admission interceptors (the
 * slice picks those up as WebMvcConfigurers). It adds what those need and a slice leaves out: {@code ApiKeys} (with
 * no keys configured every call is the anonymous admin; a test may configure keys with properties), the gateway
 * mode, the plain-decimal JSON setting, the properties they read (a slice filters the application's
 * {@code @ConfigurationPropertiesScan} too; the include patterns let them through) and a simple meter registry.
 * <p>
 * Each test mocks its controller's collaborators ({@code ModelInvoker}, ...) with {@code @MockitoBean}, and always
 * {@code ModelCatalog}, which {@code ApiKeys} needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = { "dev\\.fmgateway\\.GatewayModeConfiguration", "dev\\.fmgateway\\.web\\.JsonConfiguration",
                "dev\\.fmgateway\\.security\\.(ApiKeys|SecurityProperties)",
                "dev\\.fmgateway\\.resilience\\.ResilienceProperties",
                "dev\\.fmgateway\\.web\\.HttpLimitsProperties" }))
@Import(WebSliceTest.Meters.class)
public @interface WebSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    @TestConfiguration(proxyBeanMethods = false)
    class Meters {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
