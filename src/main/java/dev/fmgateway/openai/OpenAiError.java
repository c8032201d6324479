package dev.fmgateway.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. {@code param} and {@code code} are
 * always present, null when they do not apply, as OpenAI sends them.
 */
record OpenAiError(Body error) {

    static OpenAiError of(int status, String message, @Nullable String code, @Nullable String param) {
        return new OpenAiError(new Body(message, type(status), param, code));
    }

    /** OpenAI's error type for an HTTP status, as its SDKs and docs name them. */
    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404, 410 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    record Body(String message, String type, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String param,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String code) {
    }
}
