package dev.fmgateway.problem;

import java.util.Locale;

/**
 * Every problem the gateway answers with: its stable code, HTTP status, title, whether another attempt (on
 * another deployment, or later) may succeed, and what it means. Exceptions, the error handlers and the OpenAPI
 * error documentation all read this one table.
 */
public enum ProblemCode {

    INVALID_REQUEST(400, "Invalid request", false,
            "malformed JSON, an unknown, missing or invalid field, or a value beyond the model's limits "
                    + "(`fieldErrors`, `allowedValues`)"),
    UNSUPPORTED_PARAMETER(400, "Unsupported parameter", false,
            "a parameter of a compatible API that the gateway does not support (`param`)"),
    UNKNOWN_REGION(400, "Unknown region", false, "not an AWS region name"),
    UPSTREAM_VALIDATION(400, "Upstream rejected the request", false, "the provider rejected the payload"),
    UNAUTHENTICATED(401, "Unauthenticated", false, "no or unknown API key, where keys are required"),
    MODEL_NOT_ALLOWED(403, "Model not allowed", false, "the API key may not use this model"),
    ADMIN_REQUIRED(403, "Admin key required", false, "the route needs an admin key"),
    MODEL_NOT_FOUND(404, "Model not found", false,
            "no catalog model has this id or alias (`closeMatches` lists near ones)"),
    ROUTE_NOT_FOUND(404, "Route not found", false, "no route has this path"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", false, "the route does not take this HTTP method"),
    NOT_ACCEPTABLE(406, "Not acceptable", false, "the route cannot answer in the media type the Accept header asks"),
    MODEL_RETIRED(410, "Model retired", false, "the provider retired the model (`successor` names the replacement)"),
    PAYLOAD_TOO_LARGE(413, "Payload too large", false, "the body is over the configured limit (`maxBytes`)"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", false, "the body is not `application/json`"),
    CAPABILITY_NOT_SUPPORTED(422, "Capability not supported", false,
            "the model cannot do what this route asks, or lacks a feature the request uses (`feature`)"),
    REGION_NOT_AVAILABLE(422, "Model not available in region", false,
            "the model is not offered in the pinned region (`availableRegions`)"),
    STREAMING_NOT_SUPPORTED(422, "Streaming not supported", false, "the model cannot stream"),
    CONTENT_FILTERED(422, "Blocked by content moderation", false, "the provider's moderation blocked the request"),
    RATE_LIMITED(429, "Rate limit reached", false,
            "the gateway's own concurrency limit for the model, or a configured limit of the key, team or model "
                    + "(requests or tokens per minute, concurrent requests), is reached; `Retry-After` says how long "
                    + "to wait"),
    BUDGET_EXCEEDED(429, "Budget exceeded", false,
            "the spend budget of the key, team or model is used up for its day or month; `Retry-After` says when "
                    + "the next period starts"),
    UPSTREAM_THROTTLED(429, "Upstream throttled", true,
            "the provider throttled the call; `Retry-After` says how long to wait"),
    INTERNAL_ERROR(500, "Internal error", false, "a gateway bug; quote the `requestId`"),
    UPSTREAM_ERROR(502, "Upstream error", false, "the model or endpoint failed"),
    OUTPUT_SCHEMA_MISMATCH(502, "Output does not match the schema", false,
            "the model's answer did not validate against `responseFormat`, also on a second attempt (`errors`)"),
    UPSTREAM_UNAVAILABLE(503, "Upstream unavailable", true,
            "provider 5xx, endpoint not ready, or the deployment's circuit is open; `Retry-After` says how long to wait"),
    GATEWAY_OVERLOADED(503, "Gateway overloaded", false,
            "the gateway itself is at its limit of requests in flight; `Retry-After` says how long to wait"),
    LIMITS_UNAVAILABLE(503, "Limits unavailable", false,
            "the store of the shared limits (Redis) is unreachable and the gateway is set to refuse calls that have "
                    + "limits; `Retry-After` says how long to wait"),
    UPSTREAM_TIMEOUT(504, "Upstream timed out", false, "the model did not answer before the deadline");

    private final int status;

    private final String title;

    private final boolean retriable;

    private final String meaning;

    ProblemCode(int status, String title, boolean retriable, String meaning) {
        this.status = status;
        this.title = title;
        this.retriable = retriable;
        this.meaning = meaning;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return this.status;
    }

    public String title() {
        return this.title;
    }

    /** Whether the resilience step may try again elsewhere or later (an instance may say otherwise). */
    public boolean retriable() {
        return this.retriable;
    }

    /** What the code means, for the API documentation. */
    public String meaning() {
        return this.meaning;
    }

    /** The problem {@code type} URI, e.g. {@code urn:fm-gateway:problem:model-not-found}. */
    public String type() {
        return "urn:fm-gateway:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
