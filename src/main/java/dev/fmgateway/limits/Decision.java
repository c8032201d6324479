package dev.fmgateway.limits;

import java.util.List;

/** A store's answer to an {@link Admission}. */
sealed interface Decision {

    /**
     * Admitted: what is left of every limit after this call was counted ({@code -1} where a scope has no such
     * limit).
     */
    record Admitted(List<Remaining> remaining) implements Decision {
    }

    /** Refused by the limit of one scope. */
    record Refused(Scope scope, Kind kind, long limit, long retryAfterSeconds) implements Decision {
    }

    /** What a refusal was for. */
    enum Kind {
        REQUESTS, TOKENS, CONCURRENT, BUDGET;

        String wireName() {
            return switch (this) {
                case REQUESTS -> "requests-per-minute";
                case TOKENS -> "tokens-per-minute";
                case CONCURRENT -> "concurrent";
                case BUDGET -> "budget";
            };
        }
    }

    /**
     * What is left of one scope's limits; {@code -1} where it has none.
     *
     * @param resetSeconds seconds until the per-minute counters start again
     */
    record Remaining(Scope scope, long requests, long tokens, long concurrent, long budgetNanos, long resetSeconds) {
    }
}
