package dev.fmgateway.limits;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fmgateway.invocation.Caller;

/**
 * Admits calls against the limits in force: through Redis when it is configured and answers, else (policy
 * {@code open}) against this replica's own counters, or (policy {@code closed}) not at all. Without limits for a
 * call nothing is counted and no store is asked; without {@code redis-url} Redis is never contacted.
 */
public class Limiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Limiter.class);

    private final LimitsProperties properties;

    private final LimitFile file;

    private final @Nullable RedisLimitStore redis;

    private final LocalLimitStore local;

    private final Clock clock;

    private final MeterRegistry meters;

    private final Map<Scope, AtomicLong> budgetLeft = new ConcurrentHashMap<>();

    private volatile long redisDownUntil;

    private volatile @Nullable String redisError;

    Limiter(LimitsProperties properties, LimitFile file, @Nullable RedisLimitStore redis, SpendHistory history,
            Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.file = file;
        this.redis = redis;
        this.local = new LocalLimitStore(history, redis != null ? properties.localShare() : 1.0);
        this.clock = clock;
        this.meters = meters;
        if (redis != null) {
            Gauge.builder("gateway.limits.redis.up", this, limiter -> limiter.redisUp() ? 1 : 0)
                .description("1 while the limits' Redis answers, 0 while calls use the Redis-down policy")
                .register(meters);
        }
    }

    /** A call admitted under limits: settle it exactly once when it ends. */
    public record Ticket(Admission admission, boolean local, List<Decision.Remaining> remaining) {
    }

    /**
     * Admits a call, or throws 429 ({@link LimitExceededException}) or 503 ({@link LimitsUnavailableException}).
     * Null when no limit holds for the call.
     */
    public @Nullable Ticket admit(Caller caller, String modelId, long inputTokens, long reserveNanos) {
        List<LimitRules.ScopedLimit> limits = this.file.rules().forCall(caller, modelId);
        if (limits.isEmpty()) {
            return null;
        }
        Admission admission = new Admission(UUID.randomUUID().toString(), limits, inputTokens, reserveNanos,
                this.properties.lease(), this.clock.instant());
        boolean local = !redisUp();
        Decision decision = null;
        if (!local) {
            try {
                decision = this.redis.admit(admission);
            }
            catch (LimitStore.UnavailableException ex) {
                redisFailed(ex);
                local = true;
            }
        }
        if (local) {
            if (this.properties.whenRedisDown() == LimitsProperties.WhenRedisDown.CLOSED && this.redis != null) {
                refused("redis-down", null);
                throw new LimitsUnavailableException(Math.max(1, this.properties.redisRetry().toSeconds()));
            }
            if (this.redis != null) {
                Counter.builder("gateway.limits.fallback").description("Calls admitted by this replica's own "
                        + "counters while Redis was down (policy open)").register(this.meters).increment();
            }
            decision = this.local.admit(admission);
        }
        return switch (decision) {
            case Decision.Refused refused -> {
                refused(refused.kind().wireName(), refused.scope());
                throw new LimitExceededException(refused);
            }
            case Decision.Admitted admitted -> {
                budgets(admitted.remaining());
                yield new Ticket(admission, local, admitted.remaining());
            }
        };
    }

    /** Ends an admitted call with the tokens it used (input and output) and what it cost. Never throws. */
    public void settle(Ticket ticket, long tokens, long costNanos) {
        try {
            if (ticket.local() || this.redis == null) {
                this.local.settle(ticket.admission(), tokens, costNanos, this.clock.instant());
            }
            else {
                this.redis.settle(ticket.admission(), tokens, costNanos, this.clock.instant());
            }
        }
        catch (LimitStore.UnavailableException ex) {
            // The slot and the reservation expire with their lease; the spend is in the ledger.
            redisFailed(ex);
        }
    }

    /**
     * The limits that concern a caller and what is left of them: its key's, its key × model's, its team's and the
     * models'; an admin sees every limit.
     */
    public List<LimitStatus> status(Caller caller) {
        List<LimitRules.ScopedLimit> limits = this.file.rules().limits().entrySet().stream()
            .filter(e -> caller.admin() || concerns(e.getKey(), caller))
            .map(e -> new LimitRules.ScopedLimit(e.getKey(), e.getValue()))
            .sorted(java.util.Comparator.comparing((LimitRules.ScopedLimit l) -> l.scope().kind())
                .thenComparing(l -> l.scope().id()))
            .toList();
        List<Decision.Remaining> remaining = remaining(limits);
        List<LimitStatus> status = new java.util.ArrayList<>();
        for (int i = 0; i < limits.size(); i++) {
            status.add(LimitStatus.of(limits.get(i), remaining.get(i)));
        }
        return status;
    }

    private static boolean concerns(Scope scope, Caller caller) {
        return switch (scope.kind()) {
            case KEY -> scope.id().equals(caller.keyName());
            case KEY_MODEL -> scope.id().startsWith(caller.keyName() + "/");
            case TEAM -> scope.id().equals(caller.team());
            case MODEL -> true;
        };
    }

    /** What is left of some limits now, counting nothing. */
    List<Decision.Remaining> remaining(List<LimitRules.ScopedLimit> limits) {
        if (limits.isEmpty()) {
            return List.of();
        }
        if (redisUp()) {
            try {
                return this.redis.peek(limits, this.clock.instant());
            }
            catch (LimitStore.UnavailableException ex) {
                redisFailed(ex);
            }
        }
        return this.local.peek(limits, this.clock.instant());
    }

    /** The limits in force. */
    public LimitRules rules() {
        return this.file.rules();
    }

    LimitFile file() {
        return this.file;
    }

    LimitsProperties properties() {
        return this.properties;
    }

    @Nullable RedisLimitStore redis() {
        return this.redis;
    }

    @Nullable String redisError() {
        return this.redisError;
    }

    /** True when Redis is configured and not in its back-off after a failure. */
    boolean redisUp() {
        return this.redis != null && System.nanoTime() - this.redisDownUntil >= 0;
    }

    void redisFailed(Exception ex) {
        this.redisDownUntil = System.nanoTime() + this.properties.redisRetry().toNanos();
        String error = ex.getMessage();
        if (!java.util.Objects.equals(error, this.redisError)) {
            log.warn("Limits: Redis failed, policy '{}' applies for {}: {}",
                    this.properties.whenRedisDown().name().toLowerCase(java.util.Locale.ROOT),
                    this.properties.redisRetry(), error);
        }
        this.redisError = error;
        Counter.builder("gateway.limits.redis.failures").description("Redis commands of the limits that failed")
            .register(this.meters).increment();
    }

    /** Redis answered a health check. */
    void redisAnswered() {
        this.redisDownUntil = System.nanoTime();
        this.redisError = null;
    }

    private void refused(String reason, @Nullable Scope scope) {
        Counter.builder("gateway.limits.refusals").description("Calls refused by limits and budgets")
            .tag("reason", reason).tag("scope", scope != null ? scope.kind().wireName() : "none")
            .register(this.meters).increment();
    }

    /** Budget-remaining gauges: one per configured budget scope (bounded by the limits file). */
    private void budgets(List<Decision.Remaining> remaining) {
        for (Decision.Remaining left : remaining) {
            if (left.budgetNanos() < 0) {
                continue;
            }
            this.budgetLeft.computeIfAbsent(left.scope(), scope -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("gateway.limits.budget.remaining", value, v -> v.get() / 1e9).baseUnit("usd")
                    .description("Budget left in the current period, as this replica last saw it")
                    .tag("scope", scope.kind().wireName()).tag("id", scope.id()).register(this.meters);
                return value;
            }).set(left.budgetNanos());
        }
    }

    Instant now() {
        return this.clock.instant();
    }

    @Override
    public void close() {
        this.file.close();
        if (this.redis != null) {
            this.redis.close();
        }
    }
}
