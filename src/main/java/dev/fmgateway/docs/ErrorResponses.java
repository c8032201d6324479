package dev.fmgateway.docs;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.fmgateway.problem.ProblemCode;
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

    /** Response name and example detail per status; the codes, titles and meanings come from {@link ProblemCode}. */
    private static final Map<Integer, String[]> EXAMPLES = Map.ofEntries(
            Map.entry(400, new String[] { "BadRequest", "maxTokens must be at most 64000 for model 'claude-haiku-4-5'" }),
            Map.entry(401, new String[] { "Unauthorized", "No API key was sent; send Authorization: Bearer <key> or X-Api-Key" }),
            Map.entry(403, new String[] { "Forbidden", "This API key may not use 'claude-opus-4-1'" }),
            Map.entry(404, new String[] { "NotFound", "No model 'claude-haiku-45' in the catalog; did you mean claude-haiku-4-5?" }),
            Map.entry(410, new String[] { "Gone", "'claude-v2' has reached end of life at its provider; use 'claude-haiku-4-5' instead" }),
            Map.entry(413, new String[] { "PayloadTooLarge", "The request body exceeds the limit of 8388608 bytes" }),
            Map.entry(415, new String[] { "UnsupportedMediaType", "Content-Type 'text/plain' is not supported" }),
            Map.entry(422, new String[] { "Unprocessable", "Model 'titan-embed-text-v2' does not support [TEXT_GENERATION, CHAT]" }),
            Map.entry(429, new String[] { "TooManyRequests", "The provider is throttling calls to 'claude-haiku-4-5'; retry after the indicated delay" }),
            Map.entry(500, new String[] { "InternalError", "The gateway failed to process the request; quote the requestId when reporting it" }),
            Map.entry(502, new String[] { "BadGateway", "'falcon-7b-instruct' failed: the endpoint returned an error" }),
            Map.entry(503, new String[] { "ServiceUnavailable", "'claude-haiku-4-5' is unavailable: circuit open" }),
            Map.entry(504, new String[] { "GatewayTimeout", "'claude-opus-4-1' did not answer in time" }));

    private static final List<Error> ERRORS = errors();

    /** One documented response per status, listing every code of that status with its meaning. */
    private static List<Error> errors() {
        Map<Integer, List<ProblemCode>> byStatus = new TreeMap<>();
        for (ProblemCode code : ProblemCode.values()) {
            byStatus.computeIfAbsent(code.status(), status -> new ArrayList<>()).add(code);
        }
        List<Error> errors = new ArrayList<>();
        byStatus.forEach((status, codes) -> {
            String[] example = EXAMPLES.get(status);
            if (example == null) {
                return;
            }
            ProblemCode first = codes.getFirst();
            String description = codes.stream()
                .map(code -> "`" + code.name() + "`: " + code.meaning())
                .collect(Collectors.joining("; "));
            errors.add(new Error(status, example[0], first, example[1], description));
        });
        return List.copyOf(errors);
    }

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
        headers.put("RateLimit-Limit", "Only under configured per-minute limits: the tightest limit that applied "
                + "(requests or tokens per minute)");
        headers.put("RateLimit-Remaining", "Only under configured per-minute limits: what is left of that limit");
        headers.put("RateLimit-Reset", "Only under configured per-minute limits: seconds until it starts again");
        headers.put("Deprecation", "Only for LEGACY models: RFC 9745 deprecation date (@epoch-seconds) or true");
        headers.put("Sunset", "Only for LEGACY models with a known date: RFC 8594 sunset date");
        headers.put("Link", "Only for LEGACY models with a successor: `</v1/models/{successor}>; rel=\"successor-version\"`");
        return headers;
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private record Error(int status, String name, ProblemCode code, String detail, String description) {

        ApiResponse response() {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", this.code.type());
            example.put("title", this.code.title());
            example.put("status", this.status);
            example.put("detail", this.detail);
            example.put("instance", "/v1/text/generations");
            example.put("code", this.code.name());
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
