package dev.fmgateway.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds to every operation the problem responses it can answer (as shared {@code components/responses}), the
 * {@code X-Request-Id} request header, and the {@code X-Gateway-*} headers of successful model responses. The
 * statuses and codes mirror the contract (api-contract.md) and {@code web.ProblemHandler}.
 */
@Component
class ErrorResponses implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Status → response name, description, and the code of its example. */
    private static final List<Error> ERRORS = List.of(
            new Error(400, "BadRequest", "INVALID_REQUEST", "Invalid request", "maxTokens must be at most 64000 for model 'claude-haiku-4-5'",
                    "`INVALID_REQUEST`: malformed JSON, an unknown, missing or invalid field, or a value beyond the model's limits (`fieldErrors`, `allowedValues`); "
                            + "`UPSTREAM_VALIDATION`: the provider rejected the payload; `UNKNOWN_REGION`: not an AWS region name"),
            new Error(401, "Unauthorized", "UNAUTHENTICATED", "Unauthenticated", "No API key was sent; send Authorization: Bearer <key> or X-Api-Key",
                    "`UNAUTHENTICATED`: no or unknown API key, where keys are required"),
            new Error(403, "Forbidden", "MODEL_NOT_ALLOWED", "Model not allowed", "This API key may not use 'claude-opus-4-1'",
                    "`MODEL_NOT_ALLOWED`: the API key may not use this model; `ADMIN_REQUIRED`: the route needs an admin key"),
            new Error(404, "NotFound", "MODEL_NOT_FOUND", "Model not found", "No model 'claude-haiku-45' in the catalog; did you mean claude-haiku-4-5?",
                    "`MODEL_NOT_FOUND`: no catalog model has this id or alias (`closeMatches` lists near ones)"),
            new Error(410, "Gone", "MODEL_RETIRED", "Model retired", "'claude-v2' was retired by the provider on 2025-07-21; use 'claude-haiku-4-5'",
                    "`MODEL_RETIRED`: the provider retired the model (`successor` names the replacement)"),
            new Error(413, "PayloadTooLarge", "PAYLOAD_TOO_LARGE", "Payload too large", "The request body exceeds the limit of 8388608 bytes",
                    "`PAYLOAD_TOO_LARGE`: the body is over the configured limit (`maxBytes`)"),
            new Error(415, "UnsupportedMediaType", "UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", "Content-Type 'text/plain' is not supported",
                    "`UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`"),
            new Error(422, "Unprocessable", "CAPABILITY_NOT_SUPPORTED", "Capability not supported", "Model 'titan-embed-text-v2' does not support [TEXT_GENERATION, CHAT]",
                    "`CAPABILITY_NOT_SUPPORTED`: the model cannot do what this route asks; `REGION_NOT_AVAILABLE`: not offered in the "
                            + "pinned region (`availableRegions`); `STREAMING_NOT_SUPPORTED`: the model cannot stream; "
                            + "`CONTENT_FILTERED`: the provider's moderation blocked the request"),
            new Error(429, "TooManyRequests", "UPSTREAM_THROTTLED", "Upstream throttled", "The provider is throttling calls to 'claude-haiku-4-5'; retry after the indicated delay",
                    "`UPSTREAM_THROTTLED`: the provider throttled the call; `RATE_LIMITED`, `BUDGET_EXCEEDED`: the gateway's own "
                            + "limits. `Retry-After` says how long to wait"),
            new Error(500, "InternalError", "INTERNAL_ERROR", "Internal Server Error", "The gateway failed to process the request; quote the requestId when reporting it",
                    "`INTERNAL_ERROR`: a gateway bug; quote the `requestId`"),
            new Error(502, "BadGateway", "UPSTREAM_ERROR", "Upstream error", "'falcon-7b-instruct' failed: the endpoint returned an error",
                    "`UPSTREAM_ERROR`: the model or endpoint failed"),
            new Error(503, "ServiceUnavailable", "UPSTREAM_UNAVAILABLE", "Upstream unavailable", "'claude-haiku-4-5' is unavailable: circuit open",
                    "`UPSTREAM_UNAVAILABLE`: provider 5xx, endpoint not ready, or the deployment's circuit is open; `Retry-After` says how long to wait"),
            new Error(504, "GatewayTimeout", "UPSTREAM_TIMEOUT", "Upstream timed out", "'claude-opus-4-1' did not answer in time",
                    "`UPSTREAM_TIMEOUT`: the model did not answer before the deadline"));

    private static final Set<Integer> MODEL_CALL = Set.of(400, 401, 403, 404, 410, 413, 415, 422, 429, 500, 502, 503, 504);

    private static final Set<Integer> CATALOG_LIST = Set.of(400, 401, 500);

    private static final Set<Integer> USAGE = Set.of(400, 401, 403, 500);

    private static final Set<Integer> CATALOG_ONE = Set.of(401, 403, 404, 500);

    private static final Map<String, String> MODEL_HEADERS = headers();

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        ModelConverters.getInstance().readAll(new AnnotatedType(Problem.class)).forEach(components::addSchemas);
        for (Error error : ERRORS) {
            components.addResponses(error.name(), error.response());
        }
        components.addHeaders("Retry-After", header("Seconds to wait before retrying"));
        MODEL_HEADERS.forEach((name, description) -> components.addHeaders(name, header(description)));
        components.addParameters("RequestId", new Parameter().in("header")
            .name("X-Request-Id")
            .required(false)
            .description("Your id for this request (1-128 of `A-Za-z0-9._:-`); echoed in the response header and in "
                    + "problems, otherwise the gateway assigns one")
            .schema(new StringSchema().maxLength(128).pattern("^[A-Za-z0-9._:-]{1,128}$")));
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean modelCall = method == PathItem.HttpMethod.POST;
            Set<Integer> statuses = modelCall ? MODEL_CALL
                    : path.startsWith("/v1/usage") ? USAGE : path.contains("{") ? CATALOG_ONE : CATALOG_LIST;
            document(operation, statuses, modelCall);
        }));
    }

    private static void document(Operation operation, Set<Integer> statuses, boolean modelCall) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/RequestId"));
        ApiResponse ok = operation.getResponses().get("200");
        if (ok != null) {
            ok.addHeaderObject("X-Request-Id", new Header().$ref("#/components/headers/X-Request-Id"));
            if (modelCall) {
                MODEL_HEADERS.keySet()
                    .stream()
                    .filter(name -> !name.equals("X-Request-Id"))
                    .forEach(name -> ok.addHeaderObject(name, new Header().$ref("#/components/headers/" + name)));
            }
        }
        for (Error error : ERRORS) {
            if (statuses.contains(error.status())) {
                operation.getResponses()
                    .addApiResponse(Integer.toString(error.status()),
                            new ApiResponse().$ref("#/components/responses/" + error.name()));
            }
        }
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", "The request's id: yours when you sent a valid one, else a new UUID");
        headers.put("X-Gateway-Model", "Catalog id of the model that served the request");
        headers.put("X-Gateway-Region", "AWS region that served the request (not on streams)");
        headers.put("X-Gateway-Cost-USD", "Cost of the request in USD, decimal (not on streams: see the done event)");
        headers.put("X-Gateway-Input-Tokens", "Input tokens billed (0 for images and segmentation; not on streams)");
        headers.put("X-Gateway-Output-Tokens", "Output tokens billed (0 where not applicable; not on streams)");
        headers.put("Deprecation", "Only for LEGACY models: RFC 9745 deprecation date (@epoch-seconds) or true");
        headers.put("Sunset", "Only for LEGACY models with a known date: RFC 8594 sunset date");
        headers.put("Link", "Only for LEGACY models with a successor: `</v1/models/{successor}>; rel=\"successor-version\"`");
        return headers;
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private record Error(int status, String name, String code, String title, String detail, String description) {

        ApiResponse response() {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "urn:fm-gateway:problem:" + this.code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            example.put("title", this.title);
            example.put("status", this.status);
            example.put("detail", this.detail);
            example.put("instance", "/v1/text/generations");
            example.put("code", this.code);
            example.put("requestId", "4f1c2b0e-8d7a-4a51-9f7e-2d7c1f0b9a11");
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example);
            ApiResponse response = new ApiResponse().description(this.description)
                .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (this.status == 429 || this.status == 503) {
                response.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
            }
            return response;
        }
    }
}
