package dev.fmgateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** A bean or configuration that exists only in one {@link GatewayMode}. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnGatewayModeCondition.class)
public @interface ConditionalOnGatewayMode {

    GatewayMode value();

}
