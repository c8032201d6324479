package dev.fmgateway.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Metrics;

/**
 * Keeps an outage from flooding the log: every upstream failure is counted ({@code gateway.upstream.errors} by
 * service, model and error code), but each service, model and code is logged at most once per interval, and that
 * line says how many like it were left out since.
 */
final class FailureLog {

    static final long INTERVAL_NANOS = 10_000_000_000L;

    /** More distinct keys than this (a flood of odd codes) starts the windows afresh rather than growing. */
    private static final int MAX_KEYS = 1000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private final long intervalNanos;

    private final LongSupplier clock;

    FailureLog(long intervalNanos, LongSupplier clock) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
    }

    /**
     * Counts one failure; returns how many were left out of the log since its last line (0 or more) when this one
     * should be logged, or -1 when it should not.
     */
    long admit(String service, String modelId, String code) {
        Metrics.counter("gateway.upstream.errors", "service", service, "model", modelId, "code", code).increment();
        if (this.windows.size() > MAX_KEYS) {
            this.windows.clear();
        }
        Window window = this.windows.computeIfAbsent(service + '|' + modelId + '|' + code, key -> new Window());
        return window.admit(this.clock.getAsLong(), this.intervalNanos);
    }

    private static final class Window {

        private long loggedAt;

        private boolean logged;

        private final AtomicLong suppressed = new AtomicLong();

        synchronized long admit(long now, long interval) {
            if (this.logged && now - this.loggedAt < interval) {
                this.suppressed.incrementAndGet();
                return -1;
            }
            this.logged = true;
            this.loggedAt = now;
            return this.suppressed.getAndSet(0);
        }
    }
}
