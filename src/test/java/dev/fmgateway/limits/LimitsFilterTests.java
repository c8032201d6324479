package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.support.TestModels;

/** The limits step with this process's counters: admission, settlement of answers and of streams ended early. */
class LimitsFilterTests {

    static final Deployment EAST = TestModels.bedrock("us-east-1");

    final CatalogModel model = TestModels.model("m", List.of(EAST));

    final Invocation invocation = TestModels.invocation(this.model,
            new CallContext("req-1", null, new Caller("alice", "research", false, null), null), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    Limiter limiter;

    LimitsFilter filter(String yaml) throws Exception {
        Path file = this.dir.resolve("limits.yaml");
        Files.writeString(file, yaml);
        LimitsProperties properties = new LimitsProperties(file, Duration.ofMinutes(1), null, Duration.ofMillis(250),
                LimitsProperties.WhenRedisDown.OPEN, 1.0, Duration.ofSeconds(1), Duration.ofMinutes(10), "x:");
        this.limiter = new Limiter(properties, new LimitFile(file, Duration.ofMinutes(1)), null,
                (scope, from, to) -> BigDecimal.ZERO, Clock.systemUTC(), new SimpleMeterRegistry());
        return new LimitsFilter(this.limiter);
    }

    @AfterEach
    void close() {
        if (this.limiter != null) {
            this.limiter.close();
        }
    }

    long tokensLeft() {
        return this.limiter.status(new Caller("alice", "research", false, null)).getFirst().tokensRemaining();
    }

    @Test
    void withoutLimitsTheCallPassesUntouched() throws Exception {
        LimitsFilter filter = filter("");
        AtomicInteger calls = new AtomicInteger();

        filter.filter(this.invocation, i -> {
            calls.incrementAndGet();
            return TestModels.completion(this.model, EAST, new Usage.Tokens(1, 1, false));
        });

        assertThat(calls).hasValue(1);
        assertThat(this.limiter.status(Caller.anonymous())).isEmpty();
    }

    @Test
    void anAnswerSettlesItsRealTokensAndTheConcurrencySlot() throws Exception {
        LimitsFilter filter = filter("keys:\n  alice: { tokens-per-minute: 1000, concurrent: 1 }\n");

        filter.filter(this.invocation, i -> {
            // in flight: the estimated input ("hi": 1 token) is counted, the only slot is taken
            assertThat(tokensLeft()).isEqualTo(999);
            assertThatThrownBy(() -> filter.filter(this.invocation, j -> null))
                .isInstanceOfSatisfying(GatewayException.class,
                        ex -> assertThat(ex.code()).isEqualTo(ProblemCode.RATE_LIMITED));
            return TestModels.completion(this.model, EAST, new Usage.Tokens(12, 30, false));
        });

        assertThat(tokensLeft()).isEqualTo(1000 - 42);
        assertThat(this.limiter.status(Caller.anonymous()).getFirst().concurrentAvailable()).isEqualTo(1);
    }

    @Test
    void aStreamTheClientLeftCountsWhatItProducedAndItsCost() throws Exception {
        LimitsFilter filter = filter("teams:\n  research: { tokens-per-minute: 1000, budget: { usd: 1, per: day } }\n");

        assertThatThrownBy(() -> filter.filter(this.invocation, i -> {
            throw new TextDeltaSink.ClientGoneException(new RuntimeException("reset"),
                    TestModels.completion(this.model, EAST, new Usage.Tokens(12, 7, true))
                        .withCost(new Cost(new BigDecimal("0.25"), true)));
        })).isInstanceOf(TextDeltaSink.ClientGoneException.class);

        LimitStatus team = this.limiter.status(new Caller("alice", "research", false, null)).getFirst();
        assertThat(team.tokensRemaining()).isEqualTo(1000 - 19);
        assertThat(team.budgetRemainingUsd()).isEqualByComparingTo("0.75");
    }
}
