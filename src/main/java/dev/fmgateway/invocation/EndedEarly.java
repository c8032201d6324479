package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * A call that ended before its answer was complete (the client left a stream, or the upstream failed after the
 * first text), carrying what the deployment produced until then: the provider bills it, so metering prices it and
 * the ledger records it.
 */
public interface EndedEarly {

    /** What was produced until the end (usage estimated where the provider sent none), once known. */
    @Nullable Completion<?> partial();

    /** The same ending, carrying the partial completion as priced by the metering step. */
    RuntimeException withPartial(Completion<?> priced);

    /** The outcome recorded in the ledger and metrics ({@code CLIENT_GONE} or the failure's problem code). */
    String outcome();

}
