package dev.fmgateway.provider.sagemaker;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.PromptText;
import dev.fmgateway.provider.TextCodec;

/**
 * The payload of one SageMaker text container. Containers take the conversation as plain text and report no
 * billed usage (endpoints bill by the hour), so token counts are the container's own where it gives them, else
 * estimated; a container that does not say why it stopped stopped at its limit if it used it all.
 */
abstract class ContainerCodec implements TextCodec {

    private final PayloadFamily family;

    ContainerCodec(PayloadFamily family) {
        this.family = family;
    }

    @Override
    public PayloadFamily family() {
        return this.family;
    }

    /** The conversation as plain text: system line, {@code User:}/{@code Assistant:} turns, open assistant turn. */
    static String inputs(TextPrompt prompt) {
        return PromptText.transcript(prompt, "Assistant");
    }

    /** Whether to sample: only with a temperature above zero. */
    static boolean sample(TextPrompt prompt) {
        return prompt.temperature() != null && prompt.temperature() > 0;
    }

    /** The temperature, sent only when sampling. */
    static @Nullable Double temperature(TextPrompt prompt) {
        return sample(prompt) ? prompt.temperature() : null;
    }

    /** Usage with the input estimated from the plain text sent. */
    static Usage.Tokens usage(TextPrompt prompt, long outputTokens) {
        return new Usage.Tokens(Usage.Tokens.estimate(inputs(prompt)), outputTokens, true);
    }

    /** The finish reason of an answer that does not give one. */
    static FinishReason unstated(long outputTokens, TextPrompt prompt) {
        return outputTokens >= prompt.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP;
    }
}
