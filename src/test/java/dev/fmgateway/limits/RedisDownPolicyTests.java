package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

import dev.fmgateway.invocation.Caller;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * Redis stopped mid-run: the limiter follows its policy at once (short timeouts, nothing hangs), health and metrics
 * show it. Each test runs its own redis-server so that it can stop it.
 */
class RedisDownPolicyTests {

    static final Caller ALICE = new Caller("alice", null, false, Set.of());

    @TempDir
    Path dir;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    Limiter limiter(String url, LimitsProperties.WhenRedisDown policy) throws Exception {
        Path file = this.dir.resolve("limits.yaml");
        Files.writeString(file, "keys:\n  alice: { requests-per-minute: 4 }\n");
        LimitsProperties properties = new LimitsProperties(file, Duration.ofSeconds(1), url, Duration.ofMillis(250),
                policy, 0.5, Duration.ofMillis(500), Duration.ofMinutes(10), TestRedis.prefix());
        SpendHistory ledger = (scope, from, to) -> BigDecimal.ZERO;
        RedisLimitStore store = new RedisLimitStore(url, properties.redisTimeout(), properties.keyPrefix(), ledger);
        TestRedis.awaitConnected(store);
        return new Limiter(properties, new LimitFile(file, Duration.ofSeconds(1)), store, ledger, Clock.systemUTC(),
                this.meters);
    }

    @Test
    void failClosedRefusesCallsWithLimitsAndSaysSoInHealth() throws Exception {
        try (TestRedis.Own redis = new TestRedis.Own(); Limiter limiter = limiter(redis.url(),
                LimitsProperties.WhenRedisDown.CLOSED)) {
            LimitsHealthIndicator health = new LimitsHealthIndicator(limiter);
            assertThat(limiter.admit(ALICE, "m", 0, 0)).isNotNull();
            assertThat(health.health().getDetails()).containsEntry("state", "SHARED");

            redis.stop();

            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertThatThrownBy(
                    () -> limiter.admit(ALICE, "m", 0, 0)).isInstanceOfSatisfying(GatewayException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ProblemCode.LIMITS_UNAVAILABLE);
                        assertThat(ex.headers()).containsKey("Retry-After");
                    }));
            // a caller without limits is not concerned
            assertThat(limiter.admit(new Caller("bob", null, false, null), "m", 0, 0)).isNull();
            assertTimeoutPreemptively(Duration.ofSeconds(3),
                    () -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
            assertThat(health.health().getDetails()).containsEntry("state", "REFUSING");
            assertThat(this.meters.get("gateway.limits.redis.up").gauge().value()).isZero();
            assertThat(this.meters.get("gateway.limits.refusals").tag("reason", "redis-down").counter().count())
                .isEqualTo(1);
        }
    }

    @Test
    void failOpenUsesThisReplicasShareOfTheLimitAndRecovers() throws Exception {
        try (TestRedis.Own redis = new TestRedis.Own(); Limiter limiter = limiter(redis.url(),
                LimitsProperties.WhenRedisDown.OPEN)) {
            LimitsHealthIndicator health = new LimitsHealthIndicator(limiter);
            Limiter.Ticket shared = limiter.admit(ALICE, "m", 0, 0);
            assertThat(shared.local()).isFalse();

            redis.stop();

            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                // half of 4 per minute on this replica alone
                assertThat(limiter.admit(ALICE, "m", 0, 0).local()).isTrue();
                assertThat(limiter.admit(ALICE, "m", 0, 0).local()).isTrue();
                assertThatThrownBy(() -> limiter.admit(ALICE, "m", 0, 0)).isInstanceOfSatisfying(
                        GatewayException.class, ex -> assertThat(ex.code()).isEqualTo(ProblemCode.RATE_LIMITED));
                limiter.settle(shared, 10, 0);
                assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            });
            assertThat(health.health().getDetails()).containsEntry("state", "FALLBACK").containsKey("redisError");
            assertThat(this.meters.get("gateway.limits.fallback").counter().count()).isEqualTo(3);
            assertThat(this.meters.get("gateway.limits.redis.up").gauge().value()).isZero();
        }
    }
}
