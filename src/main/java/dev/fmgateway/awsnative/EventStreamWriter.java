package dev.fmgateway.awsnative;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.NativeSink;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.web.ModelResponseHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a streamed native answer as AWS does, in {@code application/vnd.amazon.eventstream} frames, flushing each:
 * Bedrock's {@code chunk} events carry {@code {"bytes": "<base64>"}}, SageMaker's {@code PayloadPart} events the
 * container's raw bytes. The response is committed by the first part (with the model, region and request id
 * headers); until then a failure is still an ordinary AWS error. A failure after it ends the stream with one
 * exception event, as AWS reports errors inside a stream. ConverseStream's parts are the upstream's own frames
 * (its {@code messageStart} ... {@code metadata} events), written as they come.
 */
final class EventStreamWriter implements NativeSink {

    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    private final HttpServletResponse response;

    private final AwsService service;

    private final CatalogModel model;

    private final JsonMapper json;

    /** Whether parts are already event-stream frames (ConverseStream), relayed as they are. */
    private final boolean frames;

    private boolean started;

    EventStreamWriter(HttpServletResponse response, AwsService service, CatalogModel model, JsonMapper json,
            boolean frames) {
        this.response = response;
        this.service = service;
        this.model = model;
        this.json = json;
        this.frames = frames;
    }

    @Override
    public void open(Deployment deployment, String contentType) {
        this.started = true;
        this.response.setStatus(200);
        this.response.setContentType(CONTENT_TYPE);
        if (!this.frames) {
            this.response.setHeader(this.service == AwsService.BEDROCK ? "X-Amzn-Bedrock-Content-Type"
                    : "X-Amzn-SageMaker-Content-Type", contentType);
        }
        ModelResponseHeaders.streamStart(this.response, this.model, deployment.region());
    }

    @Override
    public void part(byte[] bytes) {
        if (this.frames) {
            write(bytes);
        }
        else if (this.service == AwsService.BEDROCK) {
            byte[] payload = this.json.writeValueAsBytes(Map.of("bytes", Base64.getEncoder().encodeToString(bytes)));
            write(event("chunk", "application/json"), payload);
        }
        else {
            write(event("PayloadPart", "application/octet-stream"), bytes);
        }
    }

    @Override
    public boolean started() {
        return this.started;
    }

    /** Ends a stream that already started with AWS's in-stream error event. */
    void error(String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(
                this.service == AwsService.BEDROCK ? "modelStreamErrorException" : "ModelStreamError"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        Map<String, String> body = this.service == AwsService.BEDROCK ? Map.of("message", message)
                : Map.of("Message", message, "ErrorCode", "StreamBroken");
        write(headers, this.json.writeValueAsBytes(body));
    }

    private static Map<String, HeaderValue> event(String type, String contentType) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString(contentType));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return headers;
    }

    private void write(Map<String, HeaderValue> headers, byte[] payload) {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(payload.length + 128);
        new Message(headers, payload).encode(frame);
        write(frame.toByteArray());
    }

    private void write(byte[] bytes) {
        try {
            OutputStream out = this.response.getOutputStream();
            out.write(bytes);
            out.flush();
        }
        catch (IOException | IllegalStateException | java.io.UncheckedIOException ex) {
            throw new TextDeltaSink.ClientGoneException(ex);
        }
    }

}
