package dev.fmgateway.docs;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spec's fixed parts: metadata, a fixed server (so the document does not depend on the port it was read
 * from), the API-key schemes and the tags. Error responses and headers are added by {@link ErrorResponses}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Free JSON members (tool schemas and inputs, message content, toolChoice, parsed answers) are any JSON
        // value; their fields' descriptions say which shapes they take.
        org.springdoc.core.utils.SpringDocUtils.getConfig()
            .replaceWithSchema(tools.jackson.databind.JsonNode.class, new io.swagger.v3.oas.models.media.Schema<>());
    }

    static final String BEARER = "bearerAuth";

    static final String API_KEY = "apiKeyHeader";

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
            .info(new Info().title("fm-gateway")
                .version("v1")
                .description("""
                        One metered, resilient HTTP API in front of Amazon Bedrock and SageMaker foundation models: \
                        text generation (with Server-Sent Events streaming), image generation, segmentation, \
                        embeddings and similarity, and the model catalog.

                        Every model call may pin a region (body `region`, else the `X-Gateway-Region` header, else the \
                        model's default region). Every model response carries its usage and exact cost in the body \
                        and in `X-Gateway-*` headers. Every error is an RFC 9457 problem (`application/problem+json`) \
                        with a stable `code`.

                        Authentication: send an API key as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. \
                        When the operator configured no keys (the default, and the built-in emulator mode), any or \
                        no key is accepted.

                        OpenAI SDKs can use the OpenAI-compatible routes under `/openai/v1` instead (not described \
                        here).""")
                .license(new License().name("Proprietary")))
            .servers(List.of(new Server().url("http://localhost:8080").description("A gateway on this machine")))
            .components(new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("API key as a bearer token: `Authorization: Bearer <key>`"))
                .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER)
                    .name("X-Api-Key")
                    .description("API key in the `X-Api-Key` header")))
            .security(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)))
            .tags(List.of(
                    new Tag().name("Catalog").description("The models the gateway serves, with regions, limits, prices and lifecycle"),
                    new Tag().name("Embeddings").description("Embedding vectors and similarity ranking"),
                    new Tag().name("Images").description("Image generation and segmentation"),
                    new Tag().name("Text").description("Text generation from a prompt or a conversation, plain or streamed"),
                    new Tag().name("Usage").description("What callers used and what it cost, from the usage ledger")));
    }
}
