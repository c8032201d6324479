package dev.fmgateway.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.fmgateway.invocation.TextDeltaSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Responses API's typed stream: {@code event: <type>} lines whose data carries the same {@code type} and a
 * {@code sequence_number}; a message item (output_item.added, content_part.added, output_text.delta...,
 * output_text.done, content_part.done, output_item.done) or a function_call item (output_item.added,
 * function_call_arguments.delta..., function_call_arguments.done, output_item.done) per output item.
 */
final class ResponsesStream implements TextDeltaSink {

    private final HttpServletResponse response;

    private final JsonMapper json;

    private final String id;

    private int sequence;

    private int outputIndex = -1;

    private boolean started;

    private String openItem;

    private String openKind;

    private final StringBuilder text = new StringBuilder();

    private String callId;

    private String callName;

    ResponsesStream(HttpServletResponse response, JsonMapper json, String id) {
        this.response = response;
        this.json = json;
        this.id = id;
    }

    void begin(Object inProgress) {
        event("response.created", Map.of("response", inProgress));
        event("response.in_progress", Map.of("response", inProgress));
    }

    @Override
    public void delta(String piece) {
        if (piece.isEmpty()) {
            return;
        }
        if (!"message".equals(this.openKind)) {
            close();
            this.outputIndex++;
            this.openKind = "message";
            this.openItem = ResponseIds.message(this.id);
            this.text.setLength(0);
            event("response.output_item.added", Map.of("output_index", this.outputIndex, "item", Map.of("id",
                    this.openItem, "type", "message", "role", "assistant", "status", "in_progress", "content", java.util.List.of())));
            event("response.content_part.added", Map.of("item_id", this.openItem, "output_index", this.outputIndex,
                    "content_index", 0, "part", part("")));
        }
        this.text.append(piece);
        event("response.output_text.delta", Map.of("item_id", this.openItem, "output_index", this.outputIndex,
                "content_index", 0, "delta", piece));
    }

    @Override
    public void toolCallStart(int index, String callId, String name) {
        close();
        this.outputIndex++;
        this.openKind = "function_call";
        this.openItem = ResponseIds.call(this.id, index);
        this.callId = callId;
        this.callName = name;
        this.text.setLength(0);
        event("response.output_item.added", Map.of("output_index", this.outputIndex, "item", call("in_progress")));
    }

    @Override
    public void toolCallInput(int index, String inputDelta) {
        if (!inputDelta.isEmpty()) {
            this.text.append(inputDelta);
            event("response.function_call_arguments.delta", Map.of("item_id", this.openItem, "output_index",
                    this.outputIndex, "delta", inputDelta));
        }
    }

    /** Ends the open item, then {@code response.completed} with the whole Response object. */
    void complete(Object completed) {
        close();
        event("response.completed", Map.of("response", completed));
    }

    void error(Object error) {
        event("error", error);
    }

    private void close() {
        if ("message".equals(this.openKind)) {
            String done = this.text.toString();
            event("response.output_text.done", Map.of("item_id", this.openItem, "output_index", this.outputIndex,
                    "content_index", 0, "text", done));
            event("response.content_part.done", Map.of("item_id", this.openItem, "output_index", this.outputIndex,
                    "content_index", 0, "part", part(done)));
            event("response.output_item.done", Map.of("output_index", this.outputIndex, "item", Map.of("id",
                    this.openItem, "type", "message", "role", "assistant", "status", "completed", "content",
                    java.util.List.of(part(done)))));
        }
        else if ("function_call".equals(this.openKind)) {
            event("response.function_call_arguments.done", Map.of("item_id", this.openItem, "output_index",
                    this.outputIndex, "arguments", this.text.toString()));
            event("response.output_item.done", Map.of("output_index", this.outputIndex, "item", call("completed")));
        }
        this.openKind = null;
    }

    private Map<String, Object> part(String done) {
        return Map.of("type", "output_text", "text", done, "annotations", java.util.List.of());
    }

    private Map<String, Object> call(String status) {
        return Map.of("id", this.openItem, "type", "function_call", "call_id", this.callId, "name", this.callName,
                "arguments", status.equals("completed") ? this.text.toString() : "", "status", status);
    }

    @Override
    public boolean started() {
        return this.outputIndex >= 0;
    }

    private void event(String type, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("sequence_number", this.sequence++);
        if (data instanceof Map<?, ?> map) {
            map.forEach((key, value) -> body.put((String) key, value));
        }
        write("event: " + type + "\ndata: " + this.json.writeValueAsString(body) + "\n\n");
    }

    private void write(String event) {
        try {
            if (!this.started) {
                this.response.setStatus(200);
                this.response.setContentType("text/event-stream");
                this.response.setCharacterEncoding("UTF-8");
                this.response.setHeader("Cache-Control", "no-cache");
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
