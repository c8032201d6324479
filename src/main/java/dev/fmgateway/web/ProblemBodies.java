package dev.fmgateway.web;

import java.net.URI;

import org.springframework.http.ProblemDetail;

/** The problem object of an {@link ApiException} as it appears inside a stream's {@code error} event. */
public final class ProblemBodies {

    private ProblemBodies() {
    }

    public static ProblemDetail of(ApiException ex, String path) {
        ProblemDetail problem = ex.getBody();
        problem.setInstance(URI.create(path));
        problem.setProperty("requestId", RequestIds.current());
        return problem;
    }
}
