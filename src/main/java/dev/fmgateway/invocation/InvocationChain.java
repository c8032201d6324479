package dev.fmgateway.invocation;

/** The rest of the chain after a filter: the next filters, then the provider adapter. */
@FunctionalInterface
public interface InvocationChain {

    Completion<?> proceed(Invocation invocation);

}
