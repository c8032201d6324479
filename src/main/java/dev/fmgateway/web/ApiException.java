package dev.fmgateway.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the caller should see as an RFC 9457 problem with a stable {@code code}. Subclasses live in the
 * feature that detects the failure; {@link ProblemHandler} adds {@code requestId} and {@code instance}.
 */
public abstract class ApiException extends ErrorResponseException {

    private final String code;

    protected ApiException(HttpStatus status, String code, String title, String detail) {
        super(status, problem(status, code, title, detail), null);
        this.code = code;
    }

    public String code() {
        return this.code;
    }

    /** Adds an extension member such as {@code availableRegions} to the problem body. */
    protected final void extend(String name, Object value) {
        getBody().setProperty(name, value);
    }

    /** Sets {@code Retry-After} and the {@code retryAfterSeconds} extension. */
    protected final void retryAfter(long seconds) {
        long wait = Math.max(1, seconds);
        getHeaders().set("Retry-After", Long.toString(wait));
        extend("retryAfterSeconds", wait);
    }

    public static URI type(String code) {
        return URI.create("urn:fm-gateway:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
