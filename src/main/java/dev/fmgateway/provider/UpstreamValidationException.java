package dev.fmgateway.provider;

import org.springframework.http.HttpStatus;

/** The provider rejected the request payload (Bedrock {@code ValidationException}, SageMaker {@code ValidationError}). */
public class UpstreamValidationException extends UpstreamException {

    public UpstreamValidationException(String modelId, String upstreamMessage) {
        super(HttpStatus.BAD_REQUEST, "UPSTREAM_VALIDATION", "Upstream rejected the request",
                "The provider rejected the request for '" + modelId + "': " + upstreamMessage);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
