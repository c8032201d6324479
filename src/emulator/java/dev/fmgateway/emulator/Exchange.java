package dev.fmgateway.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One HTTP exchange: the request as read, and the helpers that answer it the AWS way. */
final class Exchange {

    private final HttpExchange http;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String requestId = UUID.randomUUID().toString();
    private final long startNanos = System.nanoTime();
    private boolean responded;

    private Exchange(HttpExchange http, Map<String, List<String>> headers, byte[] body) {
        this.http = http;
        this.headers = headers;
        this.body = body;
    }

    static Exchange read(HttpExchange http) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        http.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        byte[] body = http.getRequestBody().readAllBytes();
        return new Exchange(http, Map.copyOf(headers), body);
    }

    String method() {
        return http.getRequestMethod();
    }

    String rawPath() {
        String path = http.getRequestURI().getRawPath();
        return path == null ? "" : path;
    }

    @Nullable String rawQuery() {
        return http.getRequestURI().getRawQuery();
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    byte[] body() {
        return body;
    }

    boolean fromLoopback() {
        return http.getRemoteAddress().getAddress().isLoopbackAddress();
    }

    boolean responded() {
        return responded;
    }

    long startNanos() {
        return startNanos;
    }

    String requestId() {
        return requestId;
    }

    long elapsedMillis() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    void sendJson(int status, JsonNode json, Map<String, String> extraHeaders) {
        send(status, "application/json", Json.bytes(json), extraHeaders);
    }

    void send(int status, String contentType, byte[] content, Map<String, String> extraHeaders) {
        commonHeaders(contentType, extraHeaders);
        try {
            http.sendResponseHeaders(status, content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(content);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sendError(Service service, ApiException error) {
        var json = Json.object();
        json.put(service.messageMember(), error.getMessage());
        error.members().forEach((name, value) -> json.set(name, Json.MAPPER.valueToTree(value)));
        send(error.status(), "application/json", Json.bytes(json),
                Map.of("x-amzn-ErrorType", error.code() + ":" + service.errorNamespace()));
    }

    void sendText(int status, String text) {
        send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Answers 200 with chunked transfer encoding; each event is flushed as it is written. */
    OutputStream openStream(Map<String, String> extraHeaders) {
        commonHeaders("application/vnd.amazon.eventstream", extraHeaders);
        try {
            http.sendResponseHeaders(200, 0);
            return http.getResponseBody();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commonHeaders(String contentType, Map<String, String> extraHeaders) {
        if (responded) {
            throw new IllegalStateException("already answered");
        }
        responded = true;
        var out = http.getResponseHeaders();
        out.set("Content-Type", contentType);
        out.set("x-amzn-RequestId", requestId);
        out.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        extraHeaders.forEach(out::set);
    }
}
