package dev.fmgateway.limits;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One limit in force and what is left of it now, as {@code GET /v1/usage} shows it. Absent members are limits the
 * scope does not have.
 *
 * @param scope {@code key}, {@code team}, {@code model} or {@code key-model}
 * @param id the key name, team, model id, or {@code key/model}
 * @param requestsPerMinute the requests-per-minute limit
 * @param requestsRemaining requests left this minute
 * @param tokensPerMinute the tokens-per-minute limit
 * @param tokensRemaining tokens left this minute
 * @param concurrent the concurrent-requests limit
 * @param concurrentAvailable slots free now
 * @param resetSeconds seconds until the per-minute counts start again
 * @param budgetUsd the spend budget of the period
 * @param budgetPeriod {@code day} or {@code month} (UTC)
 * @param budgetRemainingUsd budget left, after the spend so far and the reservations of calls in flight
 */
public record LimitStatus(String scope, String id, @Nullable Long requestsPerMinute, @Nullable Long requestsRemaining,
        @Nullable Long tokensPerMinute, @Nullable Long tokensRemaining, @Nullable Long concurrent,
        @Nullable Long concurrentAvailable, long resetSeconds, @Nullable BigDecimal budgetUsd,
        @Nullable String budgetPeriod, @Nullable BigDecimal budgetRemainingUsd) {

    static LimitStatus of(LimitRules.ScopedLimit scoped, Decision.Remaining left) {
        Limit limit = scoped.limit();
        return new LimitStatus(scoped.scope().kind().wireName(), scoped.scope().id(), limit.requestsPerMinute(),
                limit.requestsPerMinute() != null ? left.requests() : null, limit.tokensPerMinute(),
                limit.tokensPerMinute() != null ? left.tokens() : null, limit.concurrent(),
                limit.concurrent() != null ? left.concurrent() : null, left.resetSeconds(),
                limit.budget() != null ? limit.budget().usd() : null,
                limit.budget() != null ? limit.budget().period().name().toLowerCase(java.util.Locale.ROOT) : null,
                limit.budget() != null ? Nanos.usd(left.budgetNanos()) : null);
    }
}
