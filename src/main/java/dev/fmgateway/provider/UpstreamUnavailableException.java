package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

/** The provider or endpoint cannot serve now (5xx, model not ready, circuit open). */
public class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(String modelId, String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE", "Upstream unavailable",
                "'" + modelId + "' is unavailable: " + detail);
        retryAfter(retryAfterSeconds);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
