package dev.fmgateway.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import dev.fmgateway.invocation.TextDeltaSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's streaming format: Server-Sent Events with data-only lines ({@code data: {chunk}}), ended by
 * {@code data: [DONE]}. Each delta is written and flushed as the model produces it; the response is committed by
 * the first one, so a failure before it is still an ordinary error response.
 */
final class OpenAiStream implements TextDeltaSink {

    /** Makes the chunk that carries a piece of text; {@code first} is true for the first piece. */
    @FunctionalInterface
    interface DeltaChunks {

        Object chunk(String text, boolean first);

        /** The chunk that starts tool call {@code index}; formats without tool calls never get one. */
        default Object toolCallStart(int index, String id, String name, boolean first) {
            throw new IllegalStateException("this stream format carries no tool calls");
        }

        /** The chunk with a piece of the arguments of tool call {@code index}. */
        default Object toolCallArguments(int index, String arguments) {
            throw new IllegalStateException("this stream format carries no tool calls");
        }

    }

    private final HttpServletResponse response;

    private final JsonMapper json;

    private final DeltaChunks chunks;

    private boolean started;

    OpenAiStream(HttpServletResponse response, JsonMapper json, DeltaChunks chunks) {
        this.response = response;
        this.json = json;
        this.chunks = chunks;
    }

    @Override
    public void delta(String text) {
        if (!text.isEmpty()) {
            data(this.chunks.chunk(text, !this.started));
        }
    }

    @Override
    public void toolCallStart(int index, String id, String name) {
        data(this.chunks.toolCallStart(index, id, name, !this.started));
    }

    @Override
    public void toolCallInput(int index, String inputDelta) {
        if (!inputDelta.isEmpty()) {
            data(this.chunks.toolCallArguments(index, inputDelta));
        }
    }

    @Override
    public boolean started() {
        return this.started;
    }

    void data(Object chunk) {
        write("data: " + this.json.writeValueAsString(chunk) + "\n\n");
    }

    void done() {
        write("data: [DONE]\n\n");
    }

    private void write(String event) {
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
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        catch (IOException | IllegalStateException ex) {
            throw new ClientGoneException(ex);
        }
    }
}
