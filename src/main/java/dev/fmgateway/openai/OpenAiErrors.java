package dev.fmgateway.openai;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.web.ProblemBodies;
import dev.fmgateway.web.PayloadTooLargeException;
import dev.fmgateway.web.ValidationErrors;

/**
 * Renders every failure of the OpenAI-compatible routes in OpenAI's error shape, with the same HTTP status (and
 * {@code Retry-After}) the gateway's problem response would have. Only for this package's controllers: the
 * gateway's own routes keep RFC 9457 problems.
 */
@RestControllerAdvice(basePackageClasses = OpenAiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenAiErrors.class);

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<OpenAiError> apiException(GatewayException ex) {
        return respond(ex.code().status(), ProblemBodies.headers(ex), of(ex));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<OpenAiError> unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return apiException(tooLarge);
            }
        }
        return respond(400, HttpHeaders.EMPTY, OpenAiError.of(400,
                "We could not parse the JSON body of your request: " + OpenAiParams.describe(ex), "invalid_json", null));
    }

    /** A body field over its limit (ids have a length limit): the first such field, by OpenAI's name. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<OpenAiError> invalidBody(MethodArgumentNotValidException ex) {
        return invalid(ex.getBindingResult().getFieldErrors().stream().map(ValidationErrors::of)
            .sorted(java.util.Comparator.comparing((Map<String, String> e) -> e.get("field")))
            .toList());
    }

    /** A path variable over its limit. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<OpenAiError> invalidParameter(HandlerMethodValidationException ex) {
        return invalid(ValidationErrors.of(ex));
    }

    private static ResponseEntity<OpenAiError> invalid(List<Map<String, String>> fieldErrors) {
        if (fieldErrors.isEmpty()) {
            return respond(400, HttpHeaders.EMPTY, OpenAiError.of(400, "Invalid request", "invalid_request", null));
        }
        String param = OpenAiParams.openAiName(fieldErrors.getFirst().get("field"));
        return respond(400, HttpHeaders.EMPTY, OpenAiError.of(400,
                "'" + param + "' " + fieldErrors.getFirst().get("message"), "invalid_request", param));
    }

    /** Spring MVC's own failures (missing header, ...) keep their status; anything else is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<OpenAiError> other(Exception ex) {
        if (ex instanceof ErrorResponse error && error.getStatusCode().value() < 500) {
            int status = error.getStatusCode().value();
            String detail = error.getBody().getDetail();
            return respond(status, error.getHeaders(),
                    OpenAiError.of(status, detail != null ? detail : "The request could not be served", null, null));
        }
        log.error("Unhandled error on an OpenAI-compatible route", ex);
        return respond(500, HttpHeaders.EMPTY, OpenAiError.of(500,
                "The gateway failed to process the request; quote the x-request-id header when reporting it",
                "internal_error", null));
    }

    /** The OpenAI error for one of our problems: its detail, its code in lower case, the parameter it names. */
    static OpenAiError of(GatewayException ex) {
        String code = ex instanceof PreviousResponseNotFoundException ? PreviousResponseNotFoundException.CODE
                : ex.code().name().toLowerCase(Locale.ROOT);
        return OpenAiError.of(ex.code().status(), ex.detail(), code, param(ex));
    }

    private static @Nullable String param(GatewayException ex) {
        Map<String, Object> properties = ex.extensions();
        if (properties.get("fieldErrors") instanceof List<?> errors && !errors.isEmpty()
                && errors.getFirst() instanceof Map<?, ?> first && first.get("field") instanceof String field) {
            return OpenAiParams.openAiName(field);
        }
        return properties.containsKey("model") || properties.containsKey("closeMatches") ? "model" : null;
    }

    private static ResponseEntity<OpenAiError> respond(int status, HttpHeaders headers, OpenAiError error) {
        HttpHeaders out = new HttpHeaders();
        // Whatever the client accepts (a stream request may accept only text/event-stream), errors are JSON.
        out.setContentType(MediaType.APPLICATION_JSON);
        String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            out.set(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return ResponseEntity.status(status).headers(out).body(error);
    }
}
