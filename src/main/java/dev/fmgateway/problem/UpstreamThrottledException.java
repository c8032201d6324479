package dev.fmgateway.problem;


/** The provider throttled the call ({@code ThrottlingException}, HTTP 429). */
public class UpstreamThrottledException extends UpstreamException {

    private final boolean retriable;

    private final long retryAfterSeconds;

    /**
     * @param retriable false for quota exhaustion, which an immediate retry cannot fix
     */
    public UpstreamThrottledException(String modelId, long retryAfterSeconds, boolean retriable) {
        super(ProblemCode.UPSTREAM_THROTTLED, "The provider is throttling calls to '" + modelId + "'; retry after the indicated delay");
        retryAfter(retryAfterSeconds);
        this.retriable = retriable;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The wait the provider asked for (its Retry-After), or our default hint. */
    public long retryAfterSeconds() {
        return this.retryAfterSeconds;
    }

    @Override
    public boolean retriable() {
        return this.retriable;
    }
}
