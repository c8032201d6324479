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
import org.springframework.http.MediaType;
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

import dev.fmgateway.catalog.ModelRetiredException;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * Renders every error as {@code application/problem+json} with a stable {@code code}, the {@code requestId} and
 * the {@code instance} path. Spring MVC's own failures get codes here; our {@link GatewayException}s carry theirs.
 * Nothing internal (stack traces, class names, upstream URLs) reaches the body.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Codes for the web framework's own failures, which carry no code of theirs. */
    private static final Map<Integer, ProblemCode> CODES = Map.of(400, ProblemCode.INVALID_REQUEST, 404,
            ProblemCode.ROUTE_NOT_FOUND, 405, ProblemCode.METHOD_NOT_ALLOWED, 406, ProblemCode.NOT_ACCEPTABLE, 413,
            ProblemCode.PAYLOAD_TOO_LARGE, 415, ProblemCode.UNSUPPORTED_MEDIA_TYPE, 500, ProblemCode.INTERNAL_ERROR);

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Object> handleGateway(GatewayException ex, HttpServletRequest request) {
        return answer(ex, request);
    }

    private static ResponseEntity<Object> answer(GatewayException ex, HttpServletRequest request) {
        HttpHeaders headers = ProblemBodies.headers(ex);
        if (ex instanceof ModelRetiredException retired) {
            ModelResponseHeaders.lifecycle(retired.model(), headers);
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(ex.code().status())
            .headers(headers)
            .body(ProblemBodies.of(ex, request.getRequestURI()));
    }

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
            ProblemDetail body = ProblemBodies.of(tooLarge, path(request));
            return handleExceptionInternal(tooLarge, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
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
        body.setType(java.net.URI.create(ProblemCode.ROUTE_NOT_FOUND.type()));
        body.setProperty("code", ProblemCode.ROUTE_NOT_FOUND.name());
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
        if (properties == null || !(properties.get("code") instanceof String)) {
            ProblemCode code = CODES.get(status.value());
            problem.setProperty("code", code != null ? code.name() : "HTTP_" + status.value());
            if (code != null) {
                problem.setType(java.net.URI.create(code.type()));
            }
        }
        problem.setProperty("requestId", RequestIds.current());
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
            problem.setInstance(java.net.URI.create(servletRequest.getRequestURI()));
        }
    }

    private static String path(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest
                        ? servletRequest.getRequestURI() : "";
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
