package dev.fmgateway.resilience;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The calls in flight to one deployment, held under its {@link AdaptiveLimit}. A call beyond the limit waits in a
 * short bounded queue (at most {@code queueSize} callers, each for at most the wait it is given: the smaller of
 * {@code queue-wait} and what is left of its deadline); when the queue is full or the wait runs out it is
 * refused.
 */
final class ConcurrencyLimiter {

    private final AdaptiveLimit limit;

    private final int queueSize;

    private final LongSupplier clock;

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition room = this.lock.newCondition();

    private int inFlight;

    private int waiting;

    ConcurrencyLimiter(AdaptiveLimit limit, int queueSize, LongSupplier clock) {
        this.limit = limit;
        this.queueSize = queueSize;
        this.clock = clock;
    }

    /** A permit for one call, at once or after waiting at most {@code maxWait}; null when refused. */
    @Nullable Permit acquire(Duration maxWait) {
        this.lock.lock();
        try {
            if (this.inFlight < this.limit.current()) {
                return admit();
            }
            if (this.waiting >= this.queueSize || !maxWait.isPositive()) {
                return null;
            }
            this.waiting++;
            try {
                long nanos = maxWait.toNanos();
                while (this.inFlight >= this.limit.current()) {
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = this.room.awaitNanos(nanos);
                }
                return admit();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
            finally {
                this.waiting--;
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    private Permit admit() {
        this.inFlight++;
        return new Permit(this.clock.getAsLong());
    }

    int limit() {
        this.lock.lock();
        try {
            return this.limit.current();
        }
        finally {
            this.lock.unlock();
        }
    }

    int inFlight() {
        this.lock.lock();
        try {
            return this.inFlight;
        }
        finally {
            this.lock.unlock();
        }
    }

    int waiting() {
        this.lock.lock();
        try {
            return this.waiting;
        }
        finally {
            this.lock.unlock();
        }
    }

    private void release(long started, @Nullable Boolean throttled) {
        long ended = this.clock.getAsLong();
        this.lock.lock();
        try {
            boolean changed = throttled != null && this.limit.answered(started, ended, this.inFlight, throttled);
            this.inFlight--;
            if (this.waiting > 0) {
                if (changed) {
                    this.room.signalAll();
                }
                else {
                    this.room.signal();
                }
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    /** One call's place; released exactly once, with what its answer says about the deployment's load. */
    final class Permit {

        private final long started;

        private boolean released;

        private Permit(long started) {
            this.started = started;
        }

        /** The deployment answered. */
        void succeeded() {
            release(Boolean.FALSE);
        }

        /** The deployment throttled the call. */
        void throttled() {
            release(Boolean.TRUE);
        }

        /** The call ended without telling anything about the deployment's load (an error, a timeout). */
        void ignored() {
            release(null);
        }

        private void release(@Nullable Boolean throttled) {
            if (!this.released) {
                this.released = true;
                ConcurrencyLimiter.this.release(this.started, throttled);
            }
        }
    }
}
