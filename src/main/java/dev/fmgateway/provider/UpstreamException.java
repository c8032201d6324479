package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/**
 * An upstream call failed. {@link #retriable()} tells the resilience step whether another attempt may
 * succeed (throttling, not-ready, timeouts, 5xx) or is pointless (validation, access).
 */
public abstract class UpstreamException extends ApiException {

    protected UpstreamException(HttpStatus status, String code, String title, String detail) {
        super(status, code, title, detail);
    }

    public abstract boolean retriable();

}
