package dev.fmgateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}. */
class CatalogRouteTests extends GatewayIntegrationTest {

    @Test
    void listsAndFiltersTheCatalog() {
        JsonNode all = this.http.get("/v1/models").json();
        assertThat(all.path("count").asInt()).isGreaterThan(30);

        JsonNode embeddings = this.http.get("/v1/models?capability=EMBEDDING").json();
        assertThat(embeddings.path("models")).allSatisfy(
                model -> assertThat(model.path("capabilities").toString()).contains("EMBEDDING"));
        assertThat(embeddings.path("count").asInt()).isEqualTo(6);

        JsonNode eu = this.http.get("/v1/models?region=eu-central-1&provider=anthropic").json();
        assertThat(eu.path("models")).isNotEmpty().allSatisfy(model -> {
            assertThat(model.path("vendor").asString()).isEqualTo("Anthropic");
            assertThat(model.path("regions").toString()).contains("eu-central-1");
        });

        JsonNode retired = this.http.get("/v1/models?lifecycle=RETIRED").json();
        assertThat(retired.path("models")).isNotEmpty()
            .allSatisfy(model -> assertThat(model.path("lifecycle").path("status").asString()).isEqualTo("RETIRED"));
    }

    @Test
    void findsAModelByAliasWithLifecycleAndPricing() {
        GatewayHttp.Response response = this.http.get("/v1/models/anthropic.claude-3-haiku-20240307-v1:0");

        assertThat(response.status()).isEqualTo(200);
        JsonNode model = response.json();
        assertThat(model.path("id").asString()).isEqualTo("claude-3-haiku");
        assertThat(model.path("lifecycle").path("status").asString()).isEqualTo("RETIRED");
        assertThat(model.path("lifecycle").path("successor").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(model.path("lifecycle").path("sunsetDate").asString()).isEqualTo("2026-09-10");
        assertThat(model.path("pricing").path("regions").path("default").path("inputPer1k").decimalValue())
            .isEqualByComparingTo("0.00025");
        assertThat(model.path("defaultRegion").asString()).isEqualTo("us-east-1");
    }

    @Test
    void jurassicStatesItsLanguages() {
        JsonNode model = this.http.get("/v1/models/jurassic-2-ultra").json();
        assertThat(model.path("languages").toString()).contains("Dutch").contains("Portuguese");
        assertThat(model.path("streaming").asBoolean()).isFalse();
    }

    @Test
    void unknownModelIs404() {
        assertThat(this.http.get("/v1/models/nope").status()).isEqualTo(404);
    }

    @Test
    void badFilterValueIs400() {
        GatewayHttp.Response response = this.http.get("/v1/models?capability=DANCING");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void operationsEndpoints() {
        this.http.post("/v1/text/generations", "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}");
        assertThat(this.management.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        String metrics = this.management.get("/actuator/prometheus").body();
        assertThat(metrics).contains("gateway_requests_seconds_count{")
            .contains("model=\"claude-haiku-4-5\"")
            .contains("gateway_tokens_total")
            .contains("gateway_cost_usd_total");
    }
}
