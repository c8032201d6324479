package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.JsonNode;

/**
 * The native body of one text model family: the InvokeModel request object, the result read from the response
 * body and Bedrock's token-count headers, and the reading of one InvokeModelWithResponseStream chunk.
 */
interface TextCodec {

    PayloadFamily family();

    /** Rejects, before any call, what this family cannot do (400 problem). */
    default void check(TextPrompt prompt) {
    }

    Object request(TextPrompt prompt);

    TextResult response(JsonNode body, TokenCounts headers, TextPrompt prompt);

    /** The text one decoded stream chunk adds, and the finish reason if the chunk ends the output. */
    StreamChunk chunk(JsonNode chunk);

    /**
     * What one stream chunk contributes.
     *
     * @param text text to append (may be empty)
     * @param finishReason set on the chunk that ends the output
     * @param inputTokens input tokens, if this chunk reports them in the family's own fields
     */
    record StreamChunk(String text, @Nullable FinishReason finishReason, @Nullable Long inputTokens) {

        static StreamChunk text(String text) {
            return new StreamChunk(text, null, null);
        }
    }
}
