package dev.fmgateway.problem;


/** The model did not answer in time ({@code ModelTimeoutException}, or the call's own deadline passed). */
public class UpstreamTimeoutException extends UpstreamException {

    private final boolean retriable;

    /** The model or the SDK timed out: the deployment is slow, another attempt may do better. */
    public UpstreamTimeoutException(String modelId, String detail) {
        this(modelId, detail, true);
    }

    private UpstreamTimeoutException(String modelId, String detail, boolean retriable) {
        super(ProblemCode.UPSTREAM_TIMEOUT, "'" + modelId + "' did not answer in time: " + detail);
        this.retriable = retriable;
    }

    /**
     * The request's own deadline passed (or it was abandoned): nothing is retried, and it says nothing about the
     * deployment's health, so it does not count against its circuit.
     */
    public static UpstreamTimeoutException deadline(String modelId, String detail) {
        return new UpstreamTimeoutException(modelId, detail, false);
    }

    @Override
    public boolean retriable() {
        return this.retriable;
    }
}
