package dev.fmgateway.resilience;

import java.util.concurrent.TimeUnit;

/**
 * How many calls one deployment may have in flight, learnt from its answers. Not thread-safe: its
 * {@link ConcurrencyLimiter} calls it under its lock.
 * <p>
 * Answers are gathered in windows of at least {@value #WINDOW_MS} ms, and as long as the long-run latency unless
 * a call was throttled; the limit changes at most once per window. At the end of a window:
 * <ul>
 * <li><b>Throttled answers</b> shrink the limit to three quarters of the most calls in flight during the window
 * (or of the limit if that is lower); to half when every answer of the window was throttled. A call that started
 * before the last decrease was sent under the old limit: its throttling does not count again.</li>
 * <li><b>Latency growth</b>: when the window's mean latency of successful calls is more than {@code tolerance}
 * times the long-run mean, the limit shrinks by that ratio (at most halved). The long-run mean follows the
 * window means slowly, so a latency that stays high becomes the new normal and stops shrinking the limit.</li>
 * <li><b>Healthy load</b> (no throttling, latency within tolerance) grows the limit by a fifth per window, up to
 * {@code max}; by only 2 % per window when it is near (80 % or more of) the limit at which the deployment last
 * throttled some calls and served others, less than {@value #CAREFUL_MS} ms ago, so that it does not overshoot the
 * capacity it just found (after a window where everything was throttled no capacity is known: it grows fast).</li>
 * </ul>
 * Latency only moves the limit while at least half of it is in use: when the gateway sends far fewer calls than
 * the limit allows, slower answers are not caused by pushing against it and the limit neither shrinks nor grows.
 */
final class AdaptiveLimit {

    static final long WINDOW_MS = 100;

    static final long CAREFUL_MS = 5000;

    private static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);

    private static final long CAREFUL_NANOS = TimeUnit.MILLISECONDS.toNanos(CAREFUL_MS);

    /** A window needs this many successful answers to judge latency (throttling counts from the first one). */
    private static final int MIN_SAMPLES = 5;

    /** How fast the long-run latency follows the windows: slowly up, faster back down. */
    private static final double LONG_RTT_UP = 0.05;

    private static final double LONG_RTT_DOWN = 0.3;

    private static final double MAX_DECREASE = 0.5;

    private static final double BACKOFF = 0.75;

    private static final double GROWTH = 0.2;

    private static final double CAREFUL_GROWTH = 0.02;

    private final int min;

    private final int max;

    private final double tolerance;

    private double limit;

    private double longRtt;

    private long lastThrottled;

    private double throttledAt;

    private long lastDecrease;

    private long windowStart;

    private int samples;

    private long rttSum;

    private int throttled;

    private int peakInFlight;

    AdaptiveLimit(int initial, int min, int max, double tolerance, long now) {
        if (min < 1 || max < min || initial < min || initial > max || tolerance < 1) {
            throw new IllegalArgumentException("need 1 <= min <= initial <= max and tolerance >= 1, got min " + min
                    + ", initial " + initial + ", max " + max + ", tolerance " + tolerance);
        }
        this.min = min;
        this.max = max;
        this.tolerance = tolerance;
        this.limit = initial;
        this.windowStart = now;
        this.lastThrottled = now - CAREFUL_NANOS;
        this.lastDecrease = now - 1;
    }

    int current() {
        return (int) this.limit;
    }

    /**
     * One answer: the call started at {@code started} and was answered at {@code ended} (nanoTime), with
     * {@code inFlight} calls in flight, itself included.
     *
     * @return whether the limit changed
     */
    boolean answered(long started, long ended, int inFlight, boolean wasThrottled) {
        if (wasThrottled) {
            if (started - this.lastDecrease < 0) {
                return false;
            }
            this.throttled++;
        }
        else {
            this.samples++;
            this.rttSum += ended - started;
        }
        this.peakInFlight = Math.max(this.peakInFlight, inFlight);
        long length = ended - this.windowStart;
        if (this.throttled == 0 ? length < Math.max(WINDOW_NANOS, (long) this.longRtt) || this.samples < MIN_SAMPLES
                : length < WINDOW_NANOS) {
            return false;
        }
        int before = current();
        endWindow(ended);
        return current() != before;
    }

    private void endWindow(long now) {
        if (this.throttled > 0) {
            double backoff = this.samples == 0 ? MAX_DECREASE : BACKOFF;
            this.throttledAt = this.samples == 0 ? 0 : this.limit;
            this.lastThrottled = now;
            this.lastDecrease = now;
            this.limit = Math.max(this.min, Math.min(this.limit, this.peakInFlight) * backoff);
        }
        else {
            double meanRtt = this.rttSum / (double) this.samples;
            if (this.longRtt == 0) {
                this.longRtt = meanRtt;
            }
            double ratio = this.tolerance * this.longRtt / meanRtt;
            this.longRtt += (meanRtt - this.longRtt) * (meanRtt < this.longRtt ? LONG_RTT_DOWN : LONG_RTT_UP);
            if (this.peakInFlight >= this.limit / 2) {
                if (ratio < 1) {
                    this.limit = Math.max(this.min, this.limit * Math.max(MAX_DECREASE, ratio));
                    this.lastDecrease = now;
                }
                else {
                    boolean careful = this.throttledAt > 0 && now - this.lastThrottled < CAREFUL_NANOS
                            && this.limit >= 0.8 * this.throttledAt;
                    double growth = careful ? CAREFUL_GROWTH : GROWTH;
                    this.limit = Math.min(this.max, this.limit + Math.max(1, this.limit * growth));
                }
            }
        }
        this.windowStart = now;
        this.samples = 0;
        this.rttSum = 0;
        this.throttled = 0;
        this.peakInFlight = 0;
    }
}
