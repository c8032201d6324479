package dev.fmgateway;

import java.util.Map;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code gateway.mode}, parsed by {@link GatewayMode}, is the annotation's mode. */
class OnGatewayModeCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnGatewayMode.class.getName());
        return attributes != null && attributes.get("value") == GatewayMode.of(context.getEnvironment());
    }
}
