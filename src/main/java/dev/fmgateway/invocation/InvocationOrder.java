package dev.fmgateway.invocation;

/**
 * The fixed order of the steps in front of the adapters: measure, check the caller's access, refuse retired models,
 * route, record in the usage ledger, meter, then protect the call.
 */
public final class InvocationOrder {

    public static final int METRICS = 0;

    public static final int ACCESS = 40;

    public static final int LIFECYCLE = 50;

    public static final int REGION = 100;

    public static final int LEDGER = 150;

    public static final int METERING = 200;

    public static final int RESILIENCE = 300;

    private InvocationOrder() {
    }
}
