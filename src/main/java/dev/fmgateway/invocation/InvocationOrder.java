package dev.fmgateway.invocation;

/** The fixed order of the steps in front of the adapters: measure, refuse retired models, route, meter, then protect the call. */
public final class InvocationOrder {

    public static final int METRICS = 0;

    public static final int LIFECYCLE = 50;

    public static final int REGION = 100;

    public static final int METERING = 200;

    public static final int RESILIENCE = 300;

    private InvocationOrder() {
    }
}
