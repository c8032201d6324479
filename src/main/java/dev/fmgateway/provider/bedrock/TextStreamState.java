package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.JsonNode;

/**
 * Accumulates one InvokeModelWithResponseStream answer: forwards each chunk's text to the sink at once, keeps the
 * full text, and takes the billed usage from the final chunk's {@code amazon-bedrock-invocationMetrics}.
 */
final class TextStreamState {

    private final TextCodec codec;

    private final TextDeltaSink sink;

    private final StringBuilder text = new StringBuilder();

    private @Nullable FinishReason finishReason;

    private @Nullable Long familyInputTokens;

    private @Nullable Long meteredInput;

    private @Nullable Long meteredOutput;

    TextStreamState(TextCodec codec, TextDeltaSink sink) {
        this.codec = codec;
        this.sink = sink;
    }

    void accept(JsonNode chunk) {
        TextCodec.StreamChunk part = this.codec.chunk(chunk);
        if (part.inputTokens() != null) {
            this.familyInputTokens = part.inputTokens();
        }
        if (part.finishReason() != null) {
            this.finishReason = part.finishReason();
        }
        JsonNode metrics = chunk.path("amazon-bedrock-invocationMetrics");
        if (metrics.isObject()) {
            this.meteredInput = count(metrics.path("inputTokenCount"));
            this.meteredOutput = count(metrics.path("outputTokenCount"));
        }
        if (!part.text().isEmpty()) {
            this.text.append(part.text());
            this.sink.delta(part.text());
        }
    }

    /** Recorded values may be numbers or numeric strings. */
    private static @Nullable Long count(JsonNode value) {
        if (value.isNumber()) {
            return value.asLong();
        }
        try {
            return value.isString() ? Long.parseLong(value.asString().trim()) : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** What was produced before the client left; usage is estimated since Bedrock reports none for it. */
    TextResult partial(String promptText) {
        String output = this.text.toString();
        long input = this.familyInputTokens != null ? this.familyInputTokens : Usage.Tokens.estimate(promptText);
        return new TextResult(output, FinishReason.STOP, new Usage.Tokens(input, Usage.Tokens.estimate(output), true));
    }

    TextResult result(String promptText) {
        String output = this.text.toString();
        Usage.Tokens usage = this.meteredInput != null && this.meteredOutput != null
                ? new Usage.Tokens(this.meteredInput, this.meteredOutput, false)
                : new Usage.Tokens(this.familyInputTokens != null ? this.familyInputTokens
                        : Usage.Tokens.estimate(promptText), Usage.Tokens.estimate(output), true);
        return new TextResult(output, this.finishReason != null ? this.finishReason : FinishReason.STOP, usage);
    }
}
