package dev.fmgateway.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes usage records without ever holding up a caller: {@link #record} only offers to a bounded queue, and one
 * writer thread drains it in batches. A full queue drops the record ({@code gateway.ledger.dropped}); a batch the
 * database refuses {@code maxAttempts} times is lost ({@code gateway.ledger.failures}); both are logged at most
 * every {@link #WARN_INTERVAL}. On shutdown, after the web server stopped taking requests, the queue is written
 * out within {@code shutdownTimeout}.
 */
@Component
class UsageLedger implements SmartLifecycle {

    /** Stops after the web server (which stops at {@code DEFAULT_PHASE - 2048}), before the data source closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    static final Duration WARN_INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    private final UsageRepository repository;

    private final LedgerProperties properties;

    private final BlockingQueue<UsageRecord> queue;

    private final AtomicLong pending = new AtomicLong();

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL.toNanos());

    private final Counter written;

    private final Counter dropped;

    private final Counter failures;

    private volatile boolean running;

    private @Nullable Thread writer;

    UsageLedger(UsageRepository repository, LedgerProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.written = Counter.builder("gateway.ledger.written").description("Usage records written").register(meters);
        this.dropped = Counter.builder("gateway.ledger.dropped")
            .description("Usage records dropped because the ledger queue was full or stopped")
            .register(meters);
        this.failures = Counter.builder("gateway.ledger.failures")
            .description("Usage records lost because the database refused them")
            .register(meters);
        Gauge.builder("gateway.ledger.queue.depth", this.queue, BlockingQueue::size)
            .description("Usage records waiting to be written")
            .register(meters);
    }

    /** Queues a record; never blocks and never throws. Returns false when the record was dropped. */
    boolean record(UsageRecord record) {
        if (!this.running) {
            drop("the ledger is stopped");
            return false;
        }
        this.pending.incrementAndGet();
        if (!this.queue.offer(record)) {
            this.pending.decrementAndGet();
            drop("the ledger queue is full (" + this.properties.queueCapacity() + ")");
            return false;
        }
        return true;
    }

    /** Waits until every record queued so far is written or given up; true when that happened in time. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (this.pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void start() {
        this.running = true;
        this.writer = Thread.ofPlatform().name("usage-ledger-writer").start(this::drain);
    }

    @Override
    public void stop() {
        this.running = false;
        Thread thread = this.writer;
        if (thread == null) {
            return;
        }
        try {
            thread.join(this.properties.shutdownTimeout());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        List<UsageRecord> left = new ArrayList<>();
        this.queue.drainTo(left);
        if (!left.isEmpty()) {
            this.pending.addAndGet(-left.size());
            this.dropped.increment(left.size());
            log.warn("Usage ledger: {} records not written within the shutdown timeout {}", left.size(),
                    this.properties.shutdownTimeout());
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void drain() {
        List<UsageRecord> batch = new ArrayList<>(this.properties.batchSize());
        while (this.running || !this.queue.isEmpty()) {
            try {
                UsageRecord first = this.queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                this.queue.drainTo(batch, this.properties.batchSize() - 1);
                write(batch);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                batch.clear();
            }
        }
    }

    private void write(List<UsageRecord> batch) throws InterruptedException {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= this.properties.maxAttempts(); attempt++) {
            try {
                this.repository.insert(batch);
                this.written.increment(batch.size());
                this.pending.addAndGet(-batch.size());
                return;
            }
            catch (RuntimeException ex) {
                last = ex;
                if (attempt < this.properties.maxAttempts()) {
                    Thread.sleep(this.properties.retryBackoff().multipliedBy(attempt));
                }
            }
        }
        this.failures.increment(batch.size());
        this.pending.addAndGet(-batch.size());
        warn("Usage ledger: {} records lost, the database refused them {} times: {}", batch.size(),
                this.properties.maxAttempts(), String.valueOf(last));
    }

    private void drop(String why) {
        this.dropped.increment();
        warn("Usage ledger: dropping records because {} (see gateway_ledger_dropped_total)", why);
    }

    /** Logs at most once per {@link #WARN_INTERVAL}, so an outage does not flood the log. */
    private void warn(String format, Object... args) {
        long now = System.nanoTime();
        long previous = this.lastWarning.get();
        if (now - previous >= WARN_INTERVAL.toNanos() && this.lastWarning.compareAndSet(previous, now)) {
            log.warn(format, args);
        }
    }
}
