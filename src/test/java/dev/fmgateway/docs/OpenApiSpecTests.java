package dev.fmgateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The committed spec ({@code docs/openapi.json}, from which the build generates a client) is exactly what the
 * running gateway serves at {@code /v3/api-docs}. Regenerate it with {@code -Dopenapi.update=true}.
 */
class OpenApiSpecTests extends GatewayIntegrationTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    static final String REGENERATE = "./mvnw -B test -Dtest=OpenApiSpecTests -Dopenapi.update=true";

    @Test
    void committedSpecIsWhatTheGatewayServes() throws IOException {
        GatewayHttp.Response response = this.http.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        String live = SpecFiles.canonical(response.body());
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(live)) {
            fail("""
                    %s differs from the spec the running gateway serves at /v3/api-docs (first difference: %s).
                    If the API change is intended, regenerate the file and commit it:
                        %s""".formatted(COMMITTED, SpecFiles.firstDifference(committed, live), REGENERATE));
        }
    }

    @Test
    void specIsOpenApi30WithEveryRouteAndTheSecuritySchemes() {
        JsonNode spec = this.http.get("/v3/api-docs").json();
        assertThat(spec.path("openapi").asString()).startsWith("3.0");
        assertThat(spec.path("paths").propertyNames()).contains("/v1/text/generations", "/v1/images/generations",
                "/v1/images/segmentations", "/v1/embeddings", "/v1/embeddings/similarity", "/v1/models",
                "/v1/models/{modelId}");
        assertThat(spec.path("components").path("securitySchemes").propertyNames()).contains("bearerAuth",
                "apiKeyHeader");
        JsonNode text = spec.path("paths").path("/v1/text/generations").path("post");
        assertThat(text.path("operationId").asString()).isEqualTo("generateText");
        assertThat(text.path("responses").path("200").path("content").propertyNames()).contains("application/json",
                "text/event-stream");
        assertThat(text.path("responses").path("404").path("$ref").asString())
            .isEqualTo("#/components/responses/NotFound");
        List<String> problemFields = List.copyOf(
                spec.path("components").path("schemas").path("Problem").path("properties").propertyNames());
        assertThat(problemFields).contains("type", "title", "status", "detail", "code", "requestId", "fieldErrors");
    }

    @Test
    void swaggerUiIsServed() {
        GatewayHttp.Response ui = this.http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
