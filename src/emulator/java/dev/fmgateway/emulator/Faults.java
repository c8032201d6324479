package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The fault rules in force. Tests add rules here; scripts use the admin API
 * ({@code POST/GET/DELETE /_emulator/faults}). Thread-safe.
 */
public final class Faults {

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private record Entry(int id, FaultRule rule, AtomicLong matched, AtomicLong fired) {
    }

    /** What the matching rules decided for one call. */
    record Plan(Duration latency, @Nullable FaultRule failure, @Nullable FaultRule streamError,
            @Nullable Duration streamInterval) {
    }

    /** Adds a rule and returns its id (for {@link #remove(int)}). */
    public int add(FaultRule rule) {
        int id = ids.incrementAndGet();
        entries.add(new Entry(id, rule, new AtomicLong(), new AtomicLong()));
        return id;
    }

    public boolean remove(int id) {
        return entries.removeIf(entry -> entry.id() == id);
    }

    public void clear() {
        entries.clear();
    }

    public List<FaultRule> rules() {
        return entries.stream().map(Entry::rule).toList();
    }

    /** How many times the rule with this id has fired so far. */
    public long firedCount(int id) {
        return entries.stream().filter(e -> e.id() == id).mapToLong(e -> e.fired().get()).sum();
    }

    Plan plan(Service service, @Nullable String region, String target, @Nullable String baseTarget, boolean streaming) {
        Duration latency = Duration.ZERO;
        FaultRule failure = null;
        FaultRule streamError = null;
        Duration streamInterval = null;
        for (Entry entry : entries) {
            FaultRule rule = entry.rule();
            boolean streamRule = rule.kind() == FaultRule.Kind.STREAM_ERROR;
            if ((streamRule && (!streaming || streamError != null)) || (!streamRule && failure != null
                    && rule.kind() != FaultRule.Kind.LATENCY && rule.kind() != FaultRule.Kind.SLOW_STREAM)
                    || !rule.matches(service.signingName(), region, target, baseTarget) || !fires(entry)) {
                continue;
            }
            switch (rule.kind()) {
                case LATENCY -> latency = latency.plus(rule.duration());
                case STREAM_ERROR -> streamError = rule;
                case SLOW_STREAM -> streamInterval = rule.duration();
                default -> failure = rule;
            }
        }
        return new Plan(latency, failure, streamError, streamInterval);
    }

    private static synchronized boolean fires(Entry entry) {
        long matched = entry.matched().incrementAndGet();
        FaultRule rule = entry.rule();
        if (matched % rule.every() != 0 || (rule.limit() > 0 && entry.fired().get() >= rule.limit())) {
            return false;
        }
        entry.fired().incrementAndGet();
        return true;
    }
}
