package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

/** The model did not answer in time ({@code ModelTimeoutException}, or the call's own deadline passed). */
public class UpstreamTimeoutException extends UpstreamException {

    public UpstreamTimeoutException(String modelId, String detail) {
        super(HttpStatus.GATEWAY_TIMEOUT, "UPSTREAM_TIMEOUT", "Upstream timed out",
                "'" + modelId + "' did not answer in time: " + detail);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
