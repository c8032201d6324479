package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/**
 * An upstream call failed. {@link #retriable()} tells the resilience step whether the failure is the deployment's
 * and another attempt (there or elsewhere) may succeed: throttling, not-ready, model timeouts, 5xx, no access in
 * that region. Non-retriable failures (validation, content filter, the request's own deadline) are answered at
 * once and do not count against the deployment's circuit.
 */
public abstract class UpstreamException extends ApiException {

    protected UpstreamException(HttpStatus status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public abstract boolean retriable();

}
