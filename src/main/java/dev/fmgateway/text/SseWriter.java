package dev.fmgateway.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.fmgateway.invocation.TextDeltaSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Server-Sent Events straight to the servlet response and flushes each one, so deltas reach the client
 * as the model produces them. The response is committed by the first event; until then an error can still
 * become a normal problem response. A failed write means the client left: {@link TextDeltaSink.ClientGoneException}.
 */
final class SseWriter implements TextDeltaSink {

    private final HttpServletResponse response;

    private final JsonMapper json;

    private boolean started;

    SseWriter(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    @Override
    public void delta(String text) {
        event("delta", new Delta(text));
    }

    @Override
    public void toolCallStart(int index, String id, String name) {
        event("toolCall", new ToolCallStart(index, id, name));
    }

    @Override
    public void toolCallInput(int index, String inputDelta) {
        event("toolCall", new ToolCallInput(index, inputDelta));
    }

    @Override
    public void reasoning(String text) {
        event("reasoning", new ReasoningText(text));
    }

    @Override
    public void reasoningSignature(String signature) {
        event("reasoning", new ReasoningSignature(signature));
    }

    @Override
    public boolean started() {
        return this.started;
    }

    void event(String name, Object data) {
        try {
            if (!this.started) {
                this.response.setStatus(200);
                this.response.setContentType("text/event-stream");
                this.response.setCharacterEncoding("UTF-8");
                this.response.setHeader("Cache-Control", "no-cache");
                this.response.setHeader("X-Accel-Buffering", "no");
                this.started = true;
            }
            OutputStream out = this.response.getOutputStream();
            out.write(("event: " + name + "\ndata: " + this.json.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        catch (IOException | IllegalStateException ex) {
            throw new ClientGoneException(ex);
        }
    }

    @Schema(name = "TextStreamToolCallStart", description = "Data of the first `event: toolCall` of a tool call")
    record ToolCallStart(@Schema(description = "Which call of this answer, from 0", example = "0") int index,
            @Schema(example = "tooluse_01") String id, @Schema(example = "get_weather") String name) {
    }

    @Schema(name = "TextStreamToolCallInput", description = "Data of the next `event: toolCall`s of a tool call: "
            + "pieces of its JSON input, to concatenate")
    record ToolCallInput(@Schema(example = "0") int index,
            @Schema(example = "{\"city\":") String inputDelta) {
    }

    @Schema(name = "TextStreamReasoning", description = "Data of an `event: reasoning`: the next piece of reasoning")
    record ReasoningText(@Schema(example = "The user asks") String text) {
    }

    @Schema(name = "TextStreamReasoningSignature", description = "Data of the `event: reasoning` that closes the "
            + "reasoning with its signature")
    record ReasoningSignature(@Schema(example = "c2lnbmF0dXJl") String signature) {
    }

    @Schema(name = "TextStreamDelta", description = "Data of an `event: delta` of a text stream")
    record Delta(@Schema(description = "The next piece of generated text", example = "A foundation") String text) {
    }
}
