package dev.fmgateway.limits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters in this process's memory, with the same rules as the Redis scripts: used when no Redis is
 * configured (one replica), and as each replica's own fallback while Redis is down under the fail-open policy,
 * where every limit is scaled by {@code share} (each replica's part of the whole).
 */
class LocalLimitStore implements LimitStore {

    private final SpendHistory history;

    private final double share;

    private final Map<String, Long> minuteCounters = new HashMap<>();

    private final Map<String, Map<String, Long>> slots = new HashMap<>();

    private final Map<String, Long> spent = new HashMap<>();

    private final Map<String, Map<String, Long>> reservations = new HashMap<>();

    private long minute = -1;

    LocalLimitStore(SpendHistory history, double share) {
        this.history = history;
        this.share = share;
    }

    @Override
    public synchronized Decision admit(Admission admission) {
        long now = admission.at().toEpochMilli();
        roll(now);
        long reset = resetSeconds(now);
        for (LimitRules.ScopedLimit scoped : admission.limits()) {
            String name = scoped.scope().counterName();
            Limit limit = scoped.limit();
            if (limit.requestsPerMinute() != null
                    && count("r:" + name) + 1 > scaled(limit.requestsPerMinute())) {
                return new Decision.Refused(scoped.scope(), Decision.Kind.REQUESTS, scaled(limit.requestsPerMinute()),
                        reset);
            }
            if (limit.tokensPerMinute() != null) {
                long used = count("t:" + name);
                long max = scaled(limit.tokensPerMinute());
                if (used >= max || used > 0 && used + admission.inputTokens() > max) {
                    return new Decision.Refused(scoped.scope(), Decision.Kind.TOKENS, max, reset);
                }
            }
            if (limit.concurrent() != null) {
                Map<String, Long> held = this.slots.computeIfAbsent(name, k -> new HashMap<>());
                held.values().removeIf(expiry -> expiry <= now);
                if (held.size() >= scaled(limit.concurrent())) {
                    return new Decision.Refused(scoped.scope(), Decision.Kind.CONCURRENT, scaled(limit.concurrent()), 1);
                }
            }
            if (limit.budget() != null) {
                BudgetWindow window = admission.window(limit.budget());
                String key = name + ":" + window.id();
                long budget = limit.budget().nanos();
                if (spent(scoped.scope(), key, window) + reserved(key) >= budget) {
                    return new Decision.Refused(scoped.scope(), Decision.Kind.BUDGET, budget,
                            window.secondsLeft(admission.at()));
                }
            }
        }
        long lease = now + admission.lease().toMillis();
        for (LimitRules.ScopedLimit scoped : admission.limits()) {
            String name = scoped.scope().counterName();
            Limit limit = scoped.limit();
            if (limit.requestsPerMinute() != null) {
                this.minuteCounters.merge("r:" + name, 1L, Long::sum);
            }
            if (limit.tokensPerMinute() != null) {
                this.minuteCounters.merge("t:" + name, admission.inputTokens(), Long::sum);
            }
            if (limit.concurrent() != null) {
                this.slots.get(name).put(admission.callId(), lease);
            }
            if (limit.budget() != null) {
                String key = name + ":" + admission.window(limit.budget()).id();
                this.reservations.computeIfAbsent(key, k -> new HashMap<>()).put(admission.callId(),
                        admission.reserveNanos());
            }
        }
        return new Decision.Admitted(remaining(admission.limits(), admission.at()));
    }

    @Override
    public synchronized void settle(Admission admission, long tokens, long costNanos, Instant at) {
        roll(at.toEpochMilli());
        for (LimitRules.ScopedLimit scoped : admission.limits()) {
            String name = scoped.scope().counterName();
            Limit limit = scoped.limit();
            if (limit.tokensPerMinute() != null) {
                this.minuteCounters.merge("t:" + name, tokens - admission.inputTokens(), Long::sum);
            }
            if (limit.concurrent() != null) {
                this.slots.getOrDefault(name, new HashMap<>()).remove(admission.callId());
            }
            if (limit.budget() != null) {
                String key = name + ":" + admission.window(limit.budget()).id();
                Map<String, Long> held = this.reservations.get(key);
                if (held != null) {
                    held.remove(admission.callId());
                }
                this.spent.merge(key, costNanos, Long::sum);
            }
        }
    }

    @Override
    public synchronized List<Decision.Remaining> peek(List<LimitRules.ScopedLimit> limits, Instant at) {
        roll(at.toEpochMilli());
        return remaining(limits, at);
    }

    private List<Decision.Remaining> remaining(List<LimitRules.ScopedLimit> limits, Instant at) {
        long now = at.toEpochMilli();
        List<Decision.Remaining> remaining = new ArrayList<>();
        for (LimitRules.ScopedLimit scoped : limits) {
            String name = scoped.scope().counterName();
            Limit limit = scoped.limit();
            long budget = -1;
            if (limit.budget() != null) {
                BudgetWindow window = BudgetWindow.of(limit.budget().period(), at);
                String key = name + ":" + window.id();
                budget = Math.max(0, limit.budget().nanos() - spent(scoped.scope(), key, window) - reserved(key));
            }
            remaining.add(new Decision.Remaining(scoped.scope(),
                    limit.requestsPerMinute() == null ? -1
                            : Math.max(0, scaled(limit.requestsPerMinute()) - count("r:" + name)),
                    limit.tokensPerMinute() == null ? -1
                            : Math.max(0, scaled(limit.tokensPerMinute()) - count("t:" + name)),
                    limit.concurrent() == null ? -1
                            : Math.max(0, scaled(limit.concurrent())
                                    - this.slots.getOrDefault(name, Map.of()).values().stream()
                                        .filter(expiry -> expiry > now).count()),
                    budget, resetSeconds(now)));
        }
        return remaining;
    }

    private long spent(Scope scope, String key, BudgetWindow window) {
        return this.spent.computeIfAbsent(key,
                k -> Nanos.of(this.history.spent(scope, window.start(), window.end())));
    }

    private long reserved(String key) {
        return this.reservations.getOrDefault(key, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    private long count(String key) {
        return this.minuteCounters.getOrDefault(key, 0L);
    }

    /** A limit times this replica's share, never below one. */
    private long scaled(long limit) {
        return Math.max(1, (long) Math.floor(limit * this.share));
    }

    /** Starts new per-minute counters when the minute changes. */
    private void roll(long now) {
        long current = now / 60_000;
        if (current != this.minute) {
            this.minute = current;
            this.minuteCounters.clear();
        }
    }

    private static long resetSeconds(long now) {
        return 60 - (now % 60_000) / 1000;
    }
}
