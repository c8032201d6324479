package dev.fmgateway.resilience;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Closed-loop clients in front of a simulated upstream, in simulated time (1 ms steps), through an
 * {@link AdaptiveLimit}: each client sends its next call as soon as the last is answered; a client that finds the
 * limit reached waits (as in the limiter's queue) and tries again the next millisecond.
 */
final class UpstreamSimulation {

    /** The simulated upstream: how a call sent now, with this many calls in flight, will be answered. */
    interface Upstream {

        Answer call(long nowMs, int inFlight);
    }

    record Answer(long latencyMs, boolean throttled) {
    }

    private final AdaptiveLimit limit;

    private final PriorityQueue<long[]> calls = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));

    private Upstream upstream;

    /** When each waiting client began to wait, oldest first. */
    private final ArrayDeque<Long> idle = new ArrayDeque<>();

    private int inFlight;

    private long nowMs;

    // Counters since the last reset()
    long sent;

    long throttled;

    long waitingClientMs;

    int peakInFlight;

    long longestWaitMs;

    int mostWaiting;

    int lowestLimit = Integer.MAX_VALUE;

    int highestLimit;

    UpstreamSimulation(AdaptiveLimit limit, int clients, Upstream upstream) {
        this.limit = limit;
        for (int i = 0; i < clients; i++) {
            this.idle.add(0L);
        }
        this.upstream = upstream;
    }

    static AdaptiveLimit limit(int initial, int min, int max) {
        return new AdaptiveLimit(initial, min, max, 2.0, 0);
    }

    void upstream(Upstream next) {
        this.upstream = next;
    }

    void reset() {
        this.sent = 0;
        this.throttled = 0;
        this.waitingClientMs = 0;
        this.peakInFlight = 0;
        this.longestWaitMs = 0;
        this.mostWaiting = 0;
        this.lowestLimit = Integer.MAX_VALUE;
        this.highestLimit = 0;
    }

    int limit() {
        return this.limit.current();
    }

    /** Runs the simulation for this many milliseconds. */
    void run(long ms) {
        for (long end = this.nowMs + ms; this.nowMs < end; this.nowMs++) {
            while (!this.calls.isEmpty() && this.calls.peek()[0] <= this.nowMs) {
                long[] call = this.calls.poll();
                this.limit.answered(call[1] * 1_000_000, call[0] * 1_000_000, this.inFlight, call[2] == 1);
                this.inFlight--;
                this.idle.add(this.nowMs);
            }
            while (!this.idle.isEmpty() && this.inFlight < this.limit.current()) {
                this.idle.poll();
                this.inFlight++;
                this.sent++;
                Answer answer = this.upstream.call(this.nowMs, this.inFlight);
                if (answer.throttled()) {
                    this.throttled++;
                }
                this.calls.add(new long[] { this.nowMs + Math.max(1, answer.latencyMs()), this.nowMs,
                        answer.throttled() ? 1 : 0 });
            }
            this.waitingClientMs += this.idle.size();
            this.mostWaiting = Math.max(this.mostWaiting, this.idle.size());
            if (!this.idle.isEmpty()) {
                this.longestWaitMs = Math.max(this.longestWaitMs, this.nowMs - this.idle.peek());
            }
            this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
            this.lowestLimit = Math.min(this.lowestLimit, this.limit.current());
            this.highestLimit = Math.max(this.highestLimit, this.limit.current());
        }
    }
}
