package dev.fmgateway.limits;

import java.util.List;

/** Where the counters live: Redis, shared by every replica, or this process's memory. */
interface LimitStore {

    /** Checks every limit of the call and, when all hold, counts it against all of them at once. */
    Decision admit(Admission admission);

    /**
     * Ends an admitted call: frees its concurrency slot, replaces its budget reservation with what it cost, and
     * corrects its token count from the estimated input to the real input plus output.
     */
    void settle(Admission admission, long tokens, long costNanos, java.time.Instant at);

    /** What is left of each limit now, without counting anything. */
    List<Decision.Remaining> peek(List<LimitRules.ScopedLimit> limits, java.time.Instant at);

    /** Thrown when the store cannot answer (Redis down or too slow). */
    class UnavailableException extends RuntimeException {

        UnavailableException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
