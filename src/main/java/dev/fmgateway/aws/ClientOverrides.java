package dev.fmgateway.aws;

import java.util.concurrent.Callable;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * What every SDK client of the gateway shares: no SDK retries (the resilience step owns them, or attempts
 * multiply), the configured call timeout, and one timer thread for those timeouts.
 * <p>
 * The timer drops a timeout from its queue as soon as the call ends. The SDK's own timer keeps every cancelled
 * timeout queued until it would have fired, and each one holds its finished call (response body included): at
 * 1,000 calls a second and a 300 s timeout that is hundreds of MB of heap.
 */
@Component
public class ClientOverrides implements DisposableBean {

    private final AwsProperties properties;

    private final TimeoutTimer timeouts = new TimeoutTimer();

    ClientOverrides(AwsProperties properties) {
        this.properties = properties;
    }

    public void configure(ClientOverrideConfiguration.Builder builder) {
        builder.retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(this.properties.apiCallTimeout())
            .scheduledExecutorService(this.timeouts);
    }

    /** Timeouts the SDK has set so far (one per call). */
    public long timeoutsSet() {
        return this.timeouts.set.sum();
    }

    /** Timeouts waiting in the timer: one per call in flight, none left behind by finished calls. */
    public int timeoutsPending() {
        return this.timeouts.getQueue().size();
    }

    @Override
    public void destroy() {
        this.timeouts.shutdownNow();
    }

    private static final class TimeoutTimer extends ScheduledThreadPoolExecutor {

        private final LongAdder set = new LongAdder();

        TimeoutTimer() {
            super(1, Thread.ofPlatform().daemon().name("upstream-timeouts-", 0).factory());
            setRemoveOnCancelPolicy(true);
        }

        @Override
        protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
            this.set.increment();
            return task;
        }

        @Override
        protected <V> RunnableScheduledFuture<V> decorateTask(Callable<V> callable, RunnableScheduledFuture<V> task) {
            this.set.increment();
            return task;
        }
    }
}
