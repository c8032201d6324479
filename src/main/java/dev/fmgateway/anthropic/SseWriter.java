package dev.fmgateway.anthropic;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.NativeSink;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.web.RequestIds;

/**
 * Writes a streamed Claude answer as Anthropic's SSE: each Bedrock chunk carries one Anthropic event JSON, sent on
 * as {@code event: <type>} and {@code data: <json>}, flushed. {@code message_start} names the model as the caller
 * did, and Bedrock's {@code amazon-bedrock-invocationMetrics} are left out. The response is committed by the first
 * event (with the gateway's model and region headers); a failure after that is an {@code error} event.
 */
final class SseWriter implements NativeSink {

    private static final String METRICS = "amazon-bedrock-invocationMetrics";

    private final HttpServletResponse response;

    private final CatalogModel model;

    private final String requestedName;

    private final JsonMapper json;

    private boolean started;

    SseWriter(HttpServletResponse response, CatalogModel model, String requestedName, JsonMapper json) {
        this.response = response;
        this.model = model;
        this.requestedName = requestedName;
        this.json = json;
    }

    @Override
    public void open(Deployment deployment, String contentType) {
        this.started = true;
        this.response.setStatus(200);
        this.response.setContentType("text/event-stream;charset=UTF-8");
        this.response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        this.response.setHeader(AnthropicController.REQUEST_ID, RequestIds.current());
        ModelResponseHeaders.streamStart(this.response, this.model, deployment.region());
    }

    @Override
    public void part(byte[] bytes) {
        JsonNode node = this.json.readTree(bytes);
        if (!(node instanceof ObjectNode event) || !event.has("type")) {
            return;
        }
        event.remove(METRICS);
        String type = event.get("type").asString();
        if (type.equals("message_start") && event.get("message") instanceof ObjectNode message) {
            message.put("model", this.requestedName);
        }
        write(type, this.json.writeValueAsString(event));
    }

    @Override
    public boolean started() {
        return this.started;
    }

    /** Ends a stream that already started with Anthropic's {@code error} event. */
    void error(String type, String message) {
        Map<String, Object> body = AnthropicErrors.body(type, message);
        write("error", this.json.writeValueAsString(body));
    }

    private void write(String event, String data) {
        try {
            OutputStream out = this.response.getOutputStream();
            out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        catch (IOException | IllegalStateException | UncheckedIOException ex) {
            throw new TextDeltaSink.ClientGoneException(ex);
        }
    }
}
