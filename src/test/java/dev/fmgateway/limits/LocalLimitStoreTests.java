package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The limiter's rules, in this process's counters (the Redis scripts follow the same rules: RedisLimitStoreTests). */
class LocalLimitStoreTests {

    static final Scope KEY = new Scope(Scope.Kind.KEY, "alice");

    static final Instant AT = Instant.parse("2026-12-04T10:15:05Z");

    final AtomicInteger ledgerReads = new AtomicInteger();

    final LocalLimitStore store = new LocalLimitStore((scope, from, to) -> {
        this.ledgerReads.incrementAndGet();
        assertThat(from).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(to).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
        return new BigDecimal("0.5");
    }, 1.0);

    static Admission call(String id, Limit limit, long input, long reserveNanos, Instant at) {
        return new Admission(id, List.of(new LimitRules.ScopedLimit(KEY, limit)), input, reserveNanos,
                Duration.ofMinutes(10), at);
    }

    @Test
    void requestsPerMinuteHoldWithinTheMinuteAndStartAgainAfter() {
        Limit limit = new Limit(2L, null, null, null);

        assertThat(this.store.admit(call("1", limit, 0, 0, AT))).isInstanceOf(Decision.Admitted.class);
        Decision second = this.store.admit(call("2", limit, 0, 0, AT));
        assertThat(((Decision.Admitted) second).remaining().getFirst().requests()).isZero();
        assertThat(((Decision.Admitted) second).remaining().getFirst().resetSeconds()).isEqualTo(55);
        assertThat(this.store.admit(call("3", limit, 0, 0, AT))).isEqualTo(
                new Decision.Refused(KEY, Decision.Kind.REQUESTS, 2, 55));
        assertThat(this.store.admit(call("4", limit, 0, 0, AT.plusSeconds(60))))
            .isInstanceOf(Decision.Admitted.class);
    }

    @Test
    void tokensCountInputOnAdmissionAndOutputOnSettlement() {
        Limit limit = new Limit(null, 100L, null, null);
        Admission first = call("1", limit, 30, 0, AT);

        assertThat(((Decision.Admitted) this.store.admit(first)).remaining().getFirst().tokens()).isEqualTo(70);
        this.store.settle(first, 90, 0, AT);
        assertThat(this.store.peek(first.limits(), AT).getFirst().tokens()).isEqualTo(10);
        // 90 used: a call of 30 more does not fit, one of 10 does
        assertThat(this.store.admit(call("2", limit, 30, 0, AT))).isInstanceOf(Decision.Refused.class);
        assertThat(this.store.admit(call("3", limit, 10, 0, AT))).isInstanceOf(Decision.Admitted.class);
    }

    @Test
    void concurrentSlotsAreFreedOnSettlementOrWhenTheirLeaseEnds() {
        Limit limit = new Limit(null, null, 1L, null);
        Admission first = call("1", limit, 0, 0, AT);

        assertThat(this.store.admit(first)).isInstanceOf(Decision.Admitted.class);
        assertThat(this.store.admit(call("2", limit, 0, 0, AT))).isInstanceOf(Decision.Refused.class);
        this.store.settle(first, 0, 0, AT);
        assertThat(this.store.admit(call("3", limit, 0, 0, AT))).isInstanceOf(Decision.Admitted.class);
        assertThat(this.store.admit(call("4", limit, 0, 0, AT.plus(Duration.ofMinutes(11)))))
            .isInstanceOf(Decision.Admitted.class);
    }

    @Test
    void aBudgetStartsAtTheLedgersSpendAndCountsReservationsOfCallsInFlight() {
        Limit limit = new Limit(null, null, null, new Limit.Budget(new BigDecimal("1.0"), Limit.BudgetPeriod.DAY));
        Admission first = call("1", limit, 0, Nanos.of(new BigDecimal("0.3")), AT);

        Decision.Admitted admitted = (Decision.Admitted) this.store.admit(first);
        assertThat(Nanos.usd(admitted.remaining().getFirst().budgetNanos())).isEqualByComparingTo("0.2");
        Admission second = call("2", limit, 0, Nanos.of(new BigDecimal("0.3")), AT);
        assertThat(this.store.admit(second)).isInstanceOf(Decision.Admitted.class);
        // 0.5 spent + 0.6 reserved: over the budget, the next call is refused until the day ends
        Decision refused = this.store.admit(call("3", limit, 0, 1, AT));
        assertThat(refused).isEqualTo(new Decision.Refused(KEY, Decision.Kind.BUDGET, 1_000_000_000L,
                Duration.between(AT, Instant.parse("2026-12-05T00:00:00Z")).toSeconds() + 1));
        // the calls cost less than reserved: the budget has room again
        this.store.settle(first, 0, Nanos.of(new BigDecimal("0.1")), AT);
        this.store.settle(second, 0, Nanos.of(new BigDecimal("0.1")), AT);
        assertThat(Nanos.usd(this.store.peek(first.limits(), AT).getFirst().budgetNanos()))
            .isEqualByComparingTo("0.3");
        assertThat(this.ledgerReads).hasValue(1);
    }

    @Test
    void aReplicaOnItsOwnEnforcesItsShare() {
        LocalLimitStore half = new LocalLimitStore((scope, from, to) -> BigDecimal.ZERO, 0.5);
        Limit limit = new Limit(4L, null, null, null);

        assertThat(half.admit(call("1", limit, 0, 0, AT))).isInstanceOf(Decision.Admitted.class);
        assertThat(half.admit(call("2", limit, 0, 0, AT))).isInstanceOf(Decision.Admitted.class);
        assertThat(half.admit(call("3", limit, 0, 0, AT))).isEqualTo(
                new Decision.Refused(KEY, Decision.Kind.REQUESTS, 2, 55));
    }

    @Test
    void theTightestPerMinuteLimitGivesTheHeaders() {
        List<LimitRules.ScopedLimit> limits = List.of(
                new LimitRules.ScopedLimit(KEY, new Limit(10L, 1000L, null, null)),
                new LimitRules.ScopedLimit(new Scope(Scope.Kind.MODEL, "m"), new Limit(100L, null, 2L, null)));
        List<Decision.Remaining> left = List.of(new Decision.Remaining(KEY, 8, 100, -1, -1, 30),
                new Decision.Remaining(new Scope(Scope.Kind.MODEL, "m"), 50, -1, 0, -1, 30));

        assertThat(RateLimitHeaders.tightest(limits, left)).containsExactly(1000, 100, 30);
        assertThat(RateLimitHeaders.tightest(List.of(new LimitRules.ScopedLimit(KEY, new Limit(null, null, 1L, null))),
                List.of(new Decision.Remaining(KEY, -1, -1, 0, -1, 30)))).isNull();
    }
}
