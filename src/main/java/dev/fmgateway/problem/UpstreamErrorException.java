package dev.fmgateway.problem;


/** The model or endpoint failed in a way another attempt will not fix. */
public class UpstreamErrorException extends UpstreamException {

    private final boolean retriable;

    public UpstreamErrorException(String modelId, String detail) {
        this(modelId, detail, false);
    }

    /**
     * @param retriable true when the failure is the deployment's (no model access in that region, a container
     *        5xx), so another deployment may serve the call
     */
    public UpstreamErrorException(String modelId, String detail, boolean retriable) {
        super(ProblemCode.UPSTREAM_ERROR, "'" + modelId + "' failed: " + detail);
        this.retriable = retriable;
    }

    @Override
    public boolean retriable() {
        return this.retriable;
    }
}
