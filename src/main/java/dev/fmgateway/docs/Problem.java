package dev.fmgateway.docs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.jspecify.annotations.Nullable;

/**
 * The RFC 9457 problem body every error carries, as documented in the spec. Never instantiated: the bodies are
 * Spring's {@code ProblemDetail} filled in by {@code web.ProblemHandler} and the {@code GatewayException}s.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json). `code` is stable and "
        + "upper snake case; switch on it, not on `title` or `detail`. Extension members appear where they help.")
record Problem(
        @Schema(description = "URI identifying the problem type", example = "urn:fm-gateway:problem:model-not-found",
                requiredMode = RequiredMode.REQUIRED) String type,
        @Schema(description = "Short summary of the problem type", example = "Model not found",
                requiredMode = RequiredMode.REQUIRED) String title,
        @Schema(description = "HTTP status code", example = "404", requiredMode = RequiredMode.REQUIRED) int status,
        @Schema(description = "What went wrong for this request, in a sentence",
                example = "No model 'claude-haiku-45' in the catalog; did you mean claude-haiku-4-5?",
                requiredMode = RequiredMode.REQUIRED) String detail,
        @Schema(description = "The request path", example = "/v1/text/generations") @Nullable String instance,
        @Schema(description = "Stable machine-readable code", example = "MODEL_NOT_FOUND",
                requiredMode = RequiredMode.REQUIRED) String code,
        @Schema(description = "Id of the request (also in the X-Request-Id header); quote it when reporting",
                example = "4f1c2b0e-8d7a-4a51-9f7e-2d7c1f0b9a11", requiredMode = RequiredMode.REQUIRED) String requestId,
        @ArraySchema(schema = @Schema(implementation = FieldError.class),
                arraySchema = @Schema(description = "INVALID_REQUEST: the fields that are wrong"))
        @Nullable List<FieldError> fieldErrors,
        @Schema(description = "The model named in the request (MODEL_NOT_FOUND, MODEL_RETIRED, CAPABILITY_NOT_SUPPORTED, ...)",
                example = "claude-haiku-45") @Nullable String model,
        @ArraySchema(schema = @Schema(example = "claude-haiku-4-5"),
                arraySchema = @Schema(description = "MODEL_NOT_FOUND: catalog ids close to the one asked for"))
        @Nullable List<String> closeMatches,
        @ArraySchema(schema = @Schema(example = "us-east-1"),
                arraySchema = @Schema(description = "REGION_NOT_AVAILABLE: regions where the model is offered"))
        @Nullable List<String> availableRegions,
        @Schema(description = "INVALID_REQUEST: allowed values per field, e.g. {\"size\": [\"1024x1024\"]}")
        @Nullable Object allowedValues,
        @ArraySchema(schema = @Schema(example = "TEXT_GENERATION"),
                arraySchema = @Schema(description = "CAPABILITY_NOT_SUPPORTED: what the model can do"))
        @Nullable List<String> capabilities,
        @Schema(description = "REGION_NOT_AVAILABLE: the region asked for", example = "ap-south-1") @Nullable String region,
        @Schema(description = "MODEL_RETIRED: catalog id of the model to migrate to", example = "claude-haiku-4-5")
        @Nullable String successor,
        @Schema(description = "MODEL_RETIRED: when the provider stopped serving the model", example = "2026-09-10")
        @Nullable String sunsetDate,
        @Schema(description = "PAYLOAD_TOO_LARGE: the body size limit in bytes", example = "8388608") @Nullable Long maxBytes,
        @Schema(description = "429 and 503: seconds to wait before retrying (same as the Retry-After header)",
                example = "2") @Nullable Long retryAfterSeconds) {

    @Schema(name = "FieldError", description = "One invalid field")
    record FieldError(
            @Schema(description = "Field path in the request body", example = "maxTokens",
                    requiredMode = RequiredMode.REQUIRED) String field,
            @Schema(description = "What is wrong with it", example = "must be at most 64000 for model 'claude-haiku-4-5'",
                    requiredMode = RequiredMode.REQUIRED) String message) {
    }
}
