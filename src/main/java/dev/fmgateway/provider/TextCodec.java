package dev.fmgateway.provider;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * The native body of one text model family, on either backend: the request object sent for a prompt, the result
 * read from the answer, and the reading of one message of the family's stream.
 */
public interface TextCodec {

    PayloadFamily family();

    /** Rejects, before any call, what this family cannot do (400 problem). */
    default void check(TextPrompt prompt) {
    }

    /**
     * Rejects what no native InvokeModel text body can carry (tools, images, tool turns, reasoning, a response
     * format: those go through Converse), then what this family cannot do. Cache points are ignored: the
     * families that take text have no cache.
     */
    static void checkAll(TextCodec codec, TextPrompt prompt) {
        if (!prompt.tools().isEmpty()) {
            throw new InvalidRequestException("tools", "cannot be sent to a model of family " + codec.family()
                    + " (its deployment uses InvokeModel; tools need api: converse)");
        }
        if (prompt.responseFormat() != null || prompt.reasoningBudget() != null) {
            throw new InvalidRequestException(prompt.responseFormat() != null ? "responseFormat" : "reasoning",
                    "cannot be sent to a model of family " + codec.family() + " (its deployment uses InvokeModel)");
        }
        if (!prompt.messages().stream().allMatch(dev.fmgateway.invocation.ChatMessage::plainText)) {
            throw new InvalidRequestException("messages", "content parts other than text cannot be sent to a model "
                    + "of family " + codec.family() + " (its deployment uses InvokeModel)");
        }
        codec.check(prompt);
    }

    /** For {@link #check}: refuses stop sequences, which {@code models} do not take. */
    static void refuseStopSequences(TextPrompt prompt, String models) {
        if (!prompt.stopSequences().isEmpty()) {
            throw new InvalidRequestException("stopSequences", "is not supported by " + models);
        }
    }

    /** The request body; {@code stream} is set for a streaming call. */
    Object request(TextPrompt prompt, boolean stream);

    /** The result, from the answer's body and the token counts the service reported beside it. */
    TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt);

    /**
     * Reads one complete message of the family's stream: a Bedrock chunk, or one line of a container's output.
     *
     * @return what the message contributes, or null when it carries nothing (a keep-alive, a blank line)
     * @throws StreamError when the model reports a failure inside the stream
     * @throws tools.jackson.core.JacksonException when the message is not the JSON it should be
     */
    default @Nullable StreamChunk chunk(String message) {
        throw new IllegalStateException(family() + " does not stream; the catalog must say streaming: false");
    }

    /**
     * What one stream message contributes.
     *
     * @param text text to append (may be empty)
     * @param finishReason set on the message that ends the output
     * @param inputTokens input tokens, if the message reports them
     * @param outputTokens tokens generated so far, if the message reports them
     * @param billed whether the counts are the ones the provider bills (Bedrock's invocation metrics)
     */
    record StreamChunk(String text, @Nullable FinishReason finishReason, @Nullable Long inputTokens,
            @Nullable Long outputTokens, boolean billed) {

        public StreamChunk(String text, @Nullable FinishReason finishReason, @Nullable Long inputTokens,
                @Nullable Long outputTokens) {
            this(text, finishReason, inputTokens, outputTokens, false);
        }

        public static StreamChunk text(String text) {
            return new StreamChunk(text, null, null, null);
        }

        /** This message with the counts the provider bills for the whole call. */
        public StreamChunk billed(@Nullable Long input, @Nullable Long output) {
            return new StreamChunk(this.text, this.finishReason, input, output, true);
        }
    }

    /** A failure the model reported inside its stream (the caller names the model). */
    final class StreamError extends RuntimeException {

        public StreamError(String message) {
            super(message, null, false, false);
        }
    }
}
