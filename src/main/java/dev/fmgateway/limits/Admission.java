package dev.fmgateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One call asking to be admitted: its id (for its concurrency slot and budget reservation), the limits that hold
 * for it, its input tokens (estimated from the request) and the most it can cost.
 */
record Admission(String callId, List<LimitRules.ScopedLimit> limits, long inputTokens, long reserveNanos,
        Duration lease, Instant at) {

    Admission {
        limits = List.copyOf(limits);
    }

    /** The budget window of a scoped limit with a budget, at admission time. */
    BudgetWindow window(Limit.Budget budget) {
        return BudgetWindow.of(budget.period(), this.at);
    }
}
