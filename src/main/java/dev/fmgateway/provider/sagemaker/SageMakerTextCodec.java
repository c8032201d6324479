package dev.fmgateway.provider.sagemaker;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.JsonNode;

/**
 * The payload of one SageMaker text container. Containers report no billed usage (endpoints bill by the hour),
 * so token counts are the container's own where it gives them, else estimated.
 */
interface SageMakerTextCodec {

    PayloadFamily family();

    /** Rejects, before any call, what this container cannot do (400 problem). */
    default void check(TextPrompt prompt) {
    }

    Object request(TextPrompt prompt, boolean stream);

    TextResult response(JsonNode body, TextPrompt prompt);

    /** Whether the container streams; the catalog's {@code streaming} flag must agree. */
    default boolean streams() {
        return false;
    }

    /**
     * Reads one complete line of the container's stream: SSE {@code data:} lines or JSON lines.
     *
     * @throws StreamError when the container reports a failure inside the stream
     */
    default @Nullable Piece line(String line) {
        throw new IllegalStateException(family() + " does not stream");
    }

    /** A failure the container reported inside its stream (the caller names the model). */
    final class StreamError extends RuntimeException {

        StreamError(String message) {
            super(message, null, false, false);
        }
    }

    /** The conversation as plain text: system line, {@code User:}/{@code Assistant:} turns, open assistant turn. */
    static String plain(TextPrompt prompt) {
        String system = prompt.system() != null ? prompt.system() + "\n" : "";
        if (prompt.prompt() != null) {
            return system + prompt.prompt();
        }
        return system + prompt.messages()
            .stream()
            .map(m -> (m.role() == ChatMessage.Role.USER ? "User: " : "Assistant: ") + m.content())
            .collect(Collectors.joining("\n")) + "\nAssistant:";
    }

    /**
     * A piece of streamed output.
     *
     * @param text text to append
     * @param finishReason set when the piece ends the output
     * @param outputTokens tokens generated so far, if the container says
     */
    record Piece(String text, @Nullable FinishReason finishReason, @Nullable Long outputTokens) {
    }
}
