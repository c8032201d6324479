package dev.fmgateway.invocation;

/**
 * A step in front of the provider adapters (region check, metering, resilience, ...). A filter either answers by
 * throwing a {@link dev.fmgateway.problem.GatewayException}, or passes the (possibly changed) invocation to
 * {@code next} and may change the completion on the way back. Its place is its {@link Stage}.
 */
public interface InvocationFilter {

    Stage stage();

    Completion<?> filter(Invocation invocation, InvocationChain next);

}
