package dev.fmgateway.awsnative;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.web.RequestIds;

/**
 * Renders every failure of the native routes as AWS does: the error type in {@code x-amzn-ErrorType}, a JSON body
 * with the message, AWS's status for that type, and the request id in {@code x-amzn-RequestId}; the gateway's
 * stable problem code rides along in {@code X-Gateway-Error-Code}. Only for this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = AwsErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AwsErrors {

    private static final Logger log = LoggerFactory.getLogger(AwsErrors.class);

    static final String ERROR_TYPE = "x-amzn-ErrorType";

    @ExceptionHandler(AwsError.class)
    ResponseEntity<Map<String, Object>> aws(AwsError ex, HttpServletRequest request) {
        return respond(AwsService.of(request.getRequestURI()), ex.type(), ex.status(), ex.getMessage(), null,
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Map<String, Object>> gateway(GatewayException ex, HttpServletRequest request) {
        AwsService service = AwsService.of(request.getRequestURI());
        Shape shape = shape(service, ex.code());
        HttpHeaders headers = new HttpHeaders();
        ex.headers().forEach(headers::set);
        headers.remove(HttpHeaders.WWW_AUTHENTICATE);
        return respond(service, shape.type(), shape.status(), ex.detail(), ex.code(), headers);
    }

    /** Spring MVC's own refusals (wrong method, ...) keep their status; anything else is AWS's internal error. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> other(Exception ex, HttpServletRequest request) {
        AwsService service = AwsService.of(request.getRequestURI());
        if (ex instanceof ErrorResponse error && error.getStatusCode().value() < 500) {
            String detail = error.getBody().getDetail();
            return respond(service, service == AwsService.SAGEMAKER ? "ValidationError" : "ValidationException",
                    error.getStatusCode().value(), detail != null ? detail : "The request could not be served", null,
                    HttpHeaders.EMPTY);
        }
        log.error("Unhandled error on a native AWS route", ex);
        return respond(service, service == AwsService.SAGEMAKER ? "InternalFailure" : "InternalServerException", 500,
                "The gateway failed to process the request; quote the x-amzn-RequestId header when reporting it",
                ProblemCode.INTERNAL_ERROR, HttpHeaders.EMPTY);
    }

    /** AWS's error type and status for one of the gateway's problems. */
    record Shape(String type, int status) {
    }

    static Shape shape(AwsService service, ProblemCode code) {
        boolean sageMaker = service == AwsService.SAGEMAKER;
        String validation = sageMaker ? "ValidationError" : "ValidationException";
        return switch (code) {
            case UNAUTHENTICATED -> new Shape("UnrecognizedClientException", 403);
            case MODEL_NOT_ALLOWED, ADMIN_REQUIRED -> new Shape("AccessDeniedException", 403);
            case MODEL_NOT_FOUND, ROUTE_NOT_FOUND, MODEL_RETIRED -> new Shape("ResourceNotFoundException", 404);
            case RATE_LIMITED, UPSTREAM_THROTTLED -> new Shape("ThrottlingException", sageMaker ? 400 : 429);
            case UPSTREAM_UNAVAILABLE, GATEWAY_OVERLOADED ->
                new Shape(sageMaker ? "ServiceUnavailable" : "ServiceUnavailableException", 503);
            case UPSTREAM_TIMEOUT -> sageMaker ? new Shape("ModelError", 424) : new Shape("ModelTimeoutException", 408);
            case UPSTREAM_ERROR -> new Shape(sageMaker ? "ModelError" : "ModelErrorException", 424);
            case INTERNAL_ERROR -> new Shape(sageMaker ? "InternalFailure" : "InternalServerException", 500);
            case PAYLOAD_TOO_LARGE -> new Shape(validation, 413);
            default -> new Shape(validation, 400);
        };
    }

    static ResponseEntity<Map<String, Object>> respond(AwsService service, String type, int status, String message,
            @Nullable ProblemCode code, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(ERROR_TYPE, type);
        headers.set("x-amzn-RequestId", RequestIds.current());
        if (code != null) {
            headers.set("X-Gateway-Error-Code", code.name());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(service.messageMember(), message);
        return ResponseEntity.status(status).headers(headers).body(body);
    }
}
