package dev.fmgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running gateway over real HTTP, as a client would. */
public final class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public GatewayHttp(int port) {
        this.port = port;
    }

    public Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Response send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    /** A response with its body parsed as JSON on demand. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return this.raw.statusCode();
        }

        public String body() {
            return this.raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(this.raw.body());
        }

        public String header(String name) {
            return this.raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
