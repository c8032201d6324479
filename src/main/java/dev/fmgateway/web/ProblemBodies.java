package dev.fmgateway.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

import dev.fmgateway.problem.GatewayException;

/** A {@link GatewayException} as an RFC 9457 problem: the body, and the headers that travel with it. */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    /** The problem body, with {@code instance} and {@code requestId}. */
    public static ProblemDetail of(GatewayException ex, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(ex.code().status()), ex.detail());
        problem.setType(URI.create(ex.code().type()));
        problem.setTitle(ex.code().title());
        problem.setProperty("code", ex.code().name());
        ex.extensions().forEach(problem::setProperty);
        problem.setInstance(URI.create(path));
        problem.setProperty("requestId", RequestIds.current());
        return problem;
    }

    /** The response headers the problem carries ({@code Retry-After}, {@code WWW-Authenticate}, ...). */
    public static HttpHeaders headers(GatewayException ex) {
        HttpHeaders headers = new HttpHeaders();
        ex.headers().forEach(headers::set);
        return headers;
    }
}
