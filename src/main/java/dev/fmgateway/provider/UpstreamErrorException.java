package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

/** The model or endpoint failed in a way another attempt will not fix. */
public class UpstreamErrorException extends UpstreamException {

    public UpstreamErrorException(String modelId, String detail) {
        super(HttpStatus.BAD_GATEWAY, "UPSTREAM_ERROR", "Upstream error", "'" + modelId + "' failed: " + detail);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
