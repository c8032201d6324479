package dev.fmgateway.problem;

/**
 * An upstream call failed. It says three things to the resilience step: whether another attempt (there or
 * elsewhere) may succeed ({@link #retriable()}); whether the request may have reached the model
 * ({@link #mayHaveReachedModel()}: a retry of one that did can bill twice, so by default only failures that
 * provably did not are retried); and whether the failure says the deployment is unhealthy
 * ({@link #deploymentFault()}: only that counts against its circuit).
 */
public abstract class UpstreamException extends GatewayException {

    private boolean reachedModel = true;

    private boolean requestFault;

    protected UpstreamException(ProblemCode code, String detail) {
        super(code, detail);
    }

    /** Whether another attempt may succeed; by default what the code's row in {@link ProblemCode} says. */
    public boolean retriable() {
        return code().retriable();
    }

    /** Whether the model may have received the request (true unless the failure proves it did not). */
    public boolean mayHaveReachedModel() {
        return this.reachedModel;
    }

    /** Whether the failure is the deployment's (5xx, timeouts, connection failures), not the request's or load. */
    public boolean deploymentFault() {
        return retriable() && !this.requestFault && !(this instanceof UpstreamThrottledException);
    }

    /** Marks a failure the provider answered before the model saw the request (refused, throttled, not ready). */
    public UpstreamException beforeTheModel() {
        this.reachedModel = false;
        return this;
    }

    /** Marks a failure of this request alone (the model failed on its input), not of the deployment. */
    public UpstreamException ofTheRequest() {
        this.requestFault = true;
        return this;
    }
}
