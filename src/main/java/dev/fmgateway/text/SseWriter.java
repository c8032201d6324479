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

    @Schema(name = "TextStreamDelta", description = "Data of an `event: delta` of a text stream")
    record Delta(@Schema(description = "The next piece of generated text", example = "A foundation") String text) {
    }
}
