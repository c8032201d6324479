package dev.fmgateway.limits;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What one scope (a key, a team, a model, a key × model) may do; an absent value is no limit.
 *
 * @param requestsPerMinute calls admitted per minute
 * @param tokensPerMinute input (counted on admission) plus output (settled at the end) tokens per minute
 * @param concurrent calls in flight at once
 * @param budget spend allowed per day or month
 */
public record Limit(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute, @Nullable Long concurrent,
        @Nullable Budget budget) {

    /**
     * A spend budget.
     *
     * @param usd US dollars per period
     * @param period {@code DAY} or {@code MONTH} (UTC)
     */
    public record Budget(BigDecimal usd, BudgetPeriod period) {

        /** The budget in nano-dollars, the unit the counters use. */
        long nanos() {
            return Nanos.of(this.usd);
        }
    }

    /** The period a budget covers, in UTC. */
    public enum BudgetPeriod {
        DAY, MONTH
    }
}
