package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.provider.TextCodec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Bedrock text family. Its stream is InvokeModelWithResponseStream's chunks, one JSON object each; the last one
 * also carries Bedrock's billed counts in {@code amazon-bedrock-invocationMetrics}.
 */
abstract class BedrockTextCodec implements TextCodec {

    private final PayloadFamily family;

    private final JsonMapper json;

    BedrockTextCodec(PayloadFamily family, JsonMapper json) {
        this.family = family;
        this.json = json;
    }

    @Override
    public PayloadFamily family() {
        return this.family;
    }

    @Override
    public final StreamChunk chunk(String message) {
        JsonNode chunk = this.json.readTree(message);
        StreamChunk part = chunk(chunk);
        JsonNode metrics = chunk.path("amazon-bedrock-invocationMetrics");
        return metrics.isObject()
                ? part.billed(count(metrics.path("inputTokenCount")), count(metrics.path("outputTokenCount")))
                : part;
    }

    /** What one decoded chunk contributes, read from the family's own fields. */
    abstract StreamChunk chunk(JsonNode chunk);

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
}
