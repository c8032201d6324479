package dev.fmgateway.problem;


/** The provider or endpoint cannot serve now (5xx, model not ready, circuit open). */
public class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(String modelId, String detail, long retryAfterSeconds) {
        super(ProblemCode.UPSTREAM_UNAVAILABLE, "'" + modelId + "' is unavailable: " + detail);
        retryAfter(retryAfterSeconds);
    }

}
