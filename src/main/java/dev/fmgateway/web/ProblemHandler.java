package dev.fmgateway.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as {@code application/problem+json} with a stable {@code code}, the {@code requestId} and
 * the {@code instance} path. Spring MVC's own failures get codes here; our {@link ApiException}s carry theirs.
 * Nothing internal (stack traces, class names, upstream URLs) reaches the body.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Map<Integer, String> CODES = Map.of(400, "INVALID_REQUEST", 404, "ROUTE_NOT_FOUND", 405,
            "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE", 415, "UNSUPPORTED_MEDIA_TYPE", 500,
            "INTERNAL_ERROR", 503, "SERVICE_UNAVAILABLE");

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unhandled error", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to process the request; quote the requestId when reporting it");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handleExceptionInternal(tooLarge, tooLarge.getBody(), headers, tooLarge.getStatusCode(), request);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, JsonErrors.describe(ex));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> fieldErrors = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(ValidationErrors::of)
            .toList();
        return handleExceptionInternal(ex, invalid(fieldErrors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Constraints on path variables and query parameters (ids have a length limit). */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, invalid(ValidationErrors.of(ex)), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** An unknown path, in the gateway's words (Spring's would be "No static resource ..."). */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, routeNotFound(request), headers, HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, routeNotFound(request), headers, HttpStatus.NOT_FOUND, request);
    }

    private static ProblemDetail invalid(List<Map<String, String>> fieldErrors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                fieldErrors.stream().map(e -> e.get("field") + ": " + e.get("message")).sorted().toList().toString());
        body.setTitle("Invalid request");
        body.setProperty("fieldErrors", fieldErrors);
        return body;
    }

    private static ProblemDetail routeNotFound(WebRequest request) {
        String route = request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet
                        ? servlet.getMethod() + " " + servlet.getRequestURI() : "this path";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The gateway has no route " + route + "; its API is under /v1 and /openai/v1");
        body.setTitle("Route not found");
        body.setType(ApiException.type("ROUTE_NOT_FOUND"));
        body.setProperty("code", "ROUTE_NOT_FOUND");
        return body;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            enrich(problem, status, request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static void enrich(ProblemDetail problem, HttpStatusCode status, WebRequest request) {
        Map<String, Object> properties = problem.getProperties();
        String code = properties != null && properties.get("code") instanceof String c ? c
                : CODES.getOrDefault(status.value(), "HTTP_" + status.value());
        problem.setProperty("code", code);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ApiException.type(code));
        }
        problem.setProperty("requestId", RequestIds.current());
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            problem.setInstance(java.net.URI.create(servletRequest.getRequestURI()));
        }
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
