package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Guardrail;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamProcessingMode;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;

/**
 * Converse {@code guardrailConfig} for a guardrail. A stream's guardrail runs in {@code sync} mode: each chunk is
 * checked before it is sent, so nothing the guardrail would block reaches the caller.
 */
final class ConverseGuardrails {

    private ConverseGuardrails() {
    }

    static @Nullable GuardrailConfiguration of(@Nullable Guardrail guardrail) {
        if (guardrail == null) {
            return null;
        }
        return GuardrailConfiguration.builder()
            .guardrailIdentifier(guardrail.identifier())
            .guardrailVersion(guardrail.version())
            .trace(guardrail.trace() ? GuardrailTrace.ENABLED : GuardrailTrace.DISABLED)
            .build();
    }

    static @Nullable GuardrailStreamConfiguration ofStream(@Nullable Guardrail guardrail) {
        if (guardrail == null) {
            return null;
        }
        return GuardrailStreamConfiguration.builder()
            .guardrailIdentifier(guardrail.identifier())
            .guardrailVersion(guardrail.version())
            .trace(guardrail.trace() ? GuardrailTrace.ENABLED : GuardrailTrace.DISABLED)
            .streamProcessingMode(GuardrailStreamProcessingMode.SYNC)
            .build();
    }
}
