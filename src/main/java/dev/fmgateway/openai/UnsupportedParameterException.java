package dev.fmgateway.openai;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/**
 * An OpenAI parameter the gateway knows but cannot honour (tools, {@code n} > 1 while streaming, image URLs, ...):
 * refused with a 400 that names it, rather than silently ignored.
 */
class UnsupportedParameterException extends ApiException {

    UnsupportedParameterException(String param, String message) {
        super(HttpStatus.BAD_REQUEST, "UNSUPPORTED_PARAMETER", "Unsupported parameter", message);
        extend("fieldErrors", List.of(Map.of("field", param, "message", message)));
    }

    static void refuseIf(boolean condition, String param, String message) {
        if (condition) {
            throw new UnsupportedParameterException(param, message);
        }
    }
}
