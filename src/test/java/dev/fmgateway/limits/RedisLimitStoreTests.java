package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lua scripts on a real Redis server, with two stores standing for two replicas. */
class RedisLimitStoreTests {

    static final Scope KEY = new Scope(Scope.Kind.KEY, "alice");

    final AtomicInteger ledgerReads = new AtomicInteger();

    final SpendHistory ledger = (scope, from, to) -> {
        this.ledgerReads.incrementAndGet();
        return new BigDecimal("0.5");
    };

    final String prefix = TestRedis.prefix();

    final RedisLimitStore one = new RedisLimitStore(TestRedis.url(), Duration.ofSeconds(2), this.prefix, this.ledger);

    final RedisLimitStore two = new RedisLimitStore(TestRedis.url(), Duration.ofSeconds(2), this.prefix, this.ledger);

    @BeforeEach
    void connect() throws InterruptedException {
        TestRedis.awaitConnected(this.one);
        TestRedis.awaitConnected(this.two);
    }

    @AfterEach
    void close() {
        this.one.close();
        this.two.close();
    }

    static Admission call(String id, Limit limit, long input, long reserveNanos) {
        return new Admission(id, List.of(new LimitRules.ScopedLimit(KEY, limit)), input, reserveNanos,
                Duration.ofMinutes(10), Instant.now());
    }

    @Test
    void requestsPerMinuteHoldAcrossStoresUnderConcurrentCalls() throws Exception {
        Limit limit = new Limit(25L, null, null, null);
        List<Callable<Decision>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            RedisLimitStore store = i % 2 == 0 ? this.one : this.two;
            String id = "c" + i;
            calls.add(() -> store.admit(call(id, limit, 0, 0)));
        }
        int admitted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Decision> decision : pool.invokeAll(calls)) {
                admitted += decision.get() instanceof Decision.Admitted ? 1 : 0;
            }
        }
        // unless the minute turned during the burst, exactly the limit got through
        assertThat(admitted).isBetween(25, 50);
        Decision.Remaining left = this.one.peek(List.of(new LimitRules.ScopedLimit(KEY, limit)), Instant.now())
            .getFirst();
        assertThat(left.requests()).isBetween(0L, 25L);
        assertThat(left.resetSeconds()).isBetween(1L, 60L);
    }

    @Test
    void tokensAreSettledWithTheRealInputAndOutput() {
        Limit limit = new Limit(null, 1000L, null, null);
        Admission first = call("a", limit, 100, 0);

        Decision.Admitted admitted = (Decision.Admitted) this.one.admit(first);
        assertThat(admitted.remaining().getFirst().tokens()).isEqualTo(900);
        this.one.settle(first, 950, 0, Instant.now());
        assertThat(this.two.peek(first.limits(), Instant.now()).getFirst().tokens()).isEqualTo(50);
        assertThat(this.two.admit(call("b", limit, 100, 0))).isInstanceOf(Decision.Refused.class)
            .extracting(d -> ((Decision.Refused) d).kind()).isEqualTo(Decision.Kind.TOKENS);
    }

    @Test
    void concurrencySlotsAreSharedAndFreed() {
        Limit limit = new Limit(null, null, 2L, null);
        Admission a = call("a", limit, 0, 0);

        assertThat(this.one.admit(a)).isInstanceOf(Decision.Admitted.class);
        assertThat(this.two.admit(call("b", limit, 0, 0))).isInstanceOf(Decision.Admitted.class);
        assertThat(this.two.admit(call("c", limit, 0, 0))).isInstanceOf(Decision.Refused.class);
        this.one.settle(a, 0, 0, Instant.now());
        assertThat(this.two.admit(call("d", limit, 0, 0))).isInstanceOf(Decision.Admitted.class);
    }

    @Test
    void aBudgetStartsAtTheLedgerOnceAndCountsReservations() {
        Limit limit = new Limit(null, null, null, new Limit.Budget(new BigDecimal("1.0"), Limit.BudgetPeriod.MONTH));
        long reserve = Nanos.of(new BigDecimal("0.3"));
        Admission a = call("a", limit, 0, reserve);

        Decision.Admitted first = (Decision.Admitted) this.one.admit(a);
        assertThat(Nanos.usd(first.remaining().getFirst().budgetNanos())).isEqualByComparingTo("0.2");
        assertThat(this.two.admit(call("b", limit, 0, reserve))).isInstanceOf(Decision.Admitted.class);
        Decision refused = this.two.admit(call("c", limit, 0, 1));
        assertThat(refused).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) refused).kind()).isEqualTo(Decision.Kind.BUDGET);
        assertThat(((Decision.Refused) refused).retryAfterSeconds()).isPositive();
        this.one.settle(a, 0, Nanos.of(new BigDecimal("0.05")), Instant.now());
        assertThat(Nanos.usd(this.two.peek(a.limits(), Instant.now()).getFirst().budgetNanos()))
            .isEqualByComparingTo("0.15");
        assertThat(this.ledgerReads).hasValue(1);
    }
}
