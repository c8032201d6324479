package dev.fmgateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test that starts the whole application ({@code @SpringBootTest}). {@code ./mvnw -B verify} runs them with
 * everything else; {@code ./mvnw -B test -DexcludedGroups=integration} is the fast loop without them. Inherited, so
 * every subclass of {@link GatewayIntegrationTest} is one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    String TAG = "integration";
}
