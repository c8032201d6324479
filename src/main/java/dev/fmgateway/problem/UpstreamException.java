package dev.fmgateway.problem;



/**
 * An upstream call failed. {@link #retriable()} tells the resilience step whether the failure is the deployment's
 * and another attempt (there or elsewhere) may succeed: throttling, not-ready, model timeouts, 5xx, no access in
 * that region. Non-retriable failures (validation, content filter, the request's own deadline) are answered at
 * once and do not count against the deployment's circuit.
 */
public abstract class UpstreamException extends GatewayException {

    protected UpstreamException(ProblemCode code, String detail) {
        super(code, detail);
    }

    /** Whether another attempt may succeed; by default what the code's row in {@link ProblemCode} says. */
    public boolean retriable() {
        return code().retriable();
    }

}
