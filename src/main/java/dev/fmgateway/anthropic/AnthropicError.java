package dev.fmgateway.anthropic;

/**
 * A refusal of this surface in Anthropic's terms: the HTTP status and Anthropic's error type, raised before any
 * upstream call (bad body, unknown model name).
 */
final class AnthropicError extends RuntimeException {

    private final int status;

    private final String type;

    AnthropicError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static AnthropicError invalid(String message) {
        return new AnthropicError(400, "invalid_request_error", message);
    }

    static AnthropicError notFound(String message) {
        return new AnthropicError(404, "not_found_error", message);
    }

    int status() {
        return this.status;
    }

    String type() {
        return this.type;
    }
}
