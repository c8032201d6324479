package dev.fmgateway.invocation;

/**
 * A step in front of the provider adapters (region check, metering, resilience). A filter either answers by
 * throwing an {@link dev.fmgateway.web.ApiException}, or passes the (possibly changed) invocation to
 * {@code next} and may change the completion on the way back. Order is given by {@link InvocationOrder}.
 */
@FunctionalInterface
public interface InvocationFilter {

    Completion filter(Invocation invocation, InvocationChain next);

}
