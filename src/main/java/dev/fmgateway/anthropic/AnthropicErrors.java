package dev.fmgateway.anthropic;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.web.RequestIds;

/**
 * Renders every failure of the Anthropic routes in Anthropic's shape,
 * {@code {"type":"error","error":{"type","message"},"request_id"}}, with the status the gateway's problem table
 * gives, the request id also in {@code request-id}, and the gateway's stable code in {@code X-Gateway-Error-Code}.
 * Only for this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = AnthropicErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnthropicErrors {

    private static final Logger log = LoggerFactory.getLogger(AnthropicErrors.class);

    @ExceptionHandler(AnthropicError.class)
    ResponseEntity<Map<String, Object>> anthropic(AnthropicError ex) {
        return respond(ex.status(), ex.type(), ex.getMessage(), null, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Map<String, Object>> gateway(GatewayException ex) {
        int status = ex.code().status();
        HttpHeaders extra = new HttpHeaders();
        String retryAfter = ex.headers().get(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            extra.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return respond(status, typeOf(status), ex.detail(), ex.code().name(), extra);
    }

    /** Spring MVC's own refusals (wrong method, ...) keep their status; anything else is Anthropic's api_error. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception ex) {
        if (ex instanceof ErrorResponse error && error.getStatusCode().value() < 500) {
            int status = error.getStatusCode().value();
            String detail = error.getBody().getDetail();
            return respond(status, typeOf(status), detail != null ? detail : "The request could not be served", null,
                    HttpHeaders.EMPTY);
        }
        log.error("Unhandled error on an Anthropic route", ex);
        return respond(500, "api_error",
                "The gateway failed to process the request; quote the request-id header when reporting it",
                "INTERNAL_ERROR", HttpHeaders.EMPTY);
    }

    /** Anthropic's error type for an HTTP status. */
    static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    /** The error body, as the JSON of an answer or the data of a stream's {@code error} event. */
    static Map<String, Object> body(String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "error");
        body.put("error", error);
        body.put("request_id", RequestIds.current());
        return body;
    }

    private static ResponseEntity<Map<String, Object>> respond(int status, String type, String message,
            @org.jspecify.annotations.Nullable String code, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        // Whatever the client accepts (a stream request may accept only text/event-stream), errors are JSON.
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(AnthropicController.REQUEST_ID, RequestIds.current());
        if (code != null) {
            headers.set("X-Gateway-Error-Code", code);
        }
        return ResponseEntity.status(status).headers(headers).body(body(type, message));
    }
}
