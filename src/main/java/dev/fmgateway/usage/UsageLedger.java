package dev.fmgateway.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes usage records so that none is lost: {@link #record} appends the record to the local {@link UsageJournal}
 * (group-committed with other callers' records, fsynced) and returns once it is on disk, waiting at most
 * {@code append-timeout}. One writer thread reads the journal in order and inserts batches into the database,
 * retrying forever while the database fails (the backlog waits on disk); a row the database refuses while it
 * answers is set aside in {@code rejected.jsonl}. The writer survives any throwable. Records the disk cannot take
 * (full, failing, or too slow for {@code queue-capacity} waiting records) go to the writer through memory only.
 * On shutdown, after the web server finished its requests, the writer has {@code shutdown-timeout} to empty the
 * backlog; what is left stays in the journal for the next start, and so does a record arriving after the stop.
 */
@Component
class UsageLedger implements SmartLifecycle {

    /** Stops after the web server (which stops at {@code DEFAULT_PHASE - 2048}), before the data source closes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    static final Duration WARN_INTERVAL = Duration.ofSeconds(30);

    private static final Duration IDLE_POLL = Duration.ofMillis(20);

    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    /** What the ledger is doing, as the health endpoint shows it. */
    enum State {
        /** Records reach the database. */
        WRITING,
        /** The database fails: records wait in the journal and are retried. */
        DEGRADED,
        /** The journal cannot be written: new records wait in memory only. */
        JOURNAL_FAILING,
        STOPPED
    }

    private final UsageRepository repository;

    private final LedgerProperties properties;

    /** Records that could not be journaled, waiting for the writer. */
    private final BlockingQueue<UsageRecord> unjournaled;

    /** The writer's batch from {@link #unjournaled}, kept until the database has it. */
    private final List<UsageRecord> inFlight = new ArrayList<>();

    private final Object files = new Object();

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL.toNanos());

    private final Counter written;

    private final Counter dropped;

    private final Counter rejected;

    private final Counter notJournaled;

    private final Counter answeredFirst;

    private volatile @Nullable UsageJournal journal;

    private volatile @Nullable GroupCommit commit;

    private volatile @Nullable Thread writer;

    private volatile boolean stopping;

    private volatile boolean journalFailing;

    private volatile State state = State.STOPPED;

    private volatile @Nullable String lastError;

    private volatile @Nullable Instant lastErrorAt;

    UsageLedger(UsageRepository repository, LedgerProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.unjournaled = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.written = Counter.builder("gateway.ledger.written").description("Usage records written").register(meters);
        this.dropped = Counter.builder("gateway.ledger.dropped")
            .description("Usage records lost: neither the journal nor the memory queue could take them")
            .register(meters);
        this.rejected = Counter.builder("gateway.ledger.rejected")
            .description("Usage records the database refused while it answered; kept in the journal's rejected.jsonl")
            .register(meters);
        this.notJournaled = Counter.builder("gateway.ledger.journal.failures")
            .description("Usage records the journal could not take (sent to the database from memory only)")
            .register(meters);
        this.answeredFirst = Counter.builder("gateway.ledger.journal.slow")
            .description("Answers that went out before their usage record was on disk (append-timeout)")
            .register(meters);
        Gauge.builder("gateway.ledger.backlog", this, UsageLedger::backlog)
            .description("Usage records not yet in the database")
            .register(meters);
        Gauge.builder("gateway.ledger.journal.bytes", this, UsageLedger::journalBytes)
            .description("Size of the usage ledger's journal on disk")
            .register(meters);
    }

    /**
     * Journals a record, waiting at most {@code append-timeout} for it to be on disk; never throws. True when the
     * record is on disk.
     */
    boolean record(UsageRecord record) {
        GroupCommit group = this.commit;
        GroupCommit.Outcome outcome = group != null ? group.append(record, this.properties.appendTimeout())
                : GroupCommit.Outcome.CLOSED;
        switch (outcome) {
            case JOURNALED -> {
                this.journalFailing = false;
                return true;
            }
            case WAITING -> {
                this.answeredFirst.increment();
                return false;
            }
            case NOT_JOURNALED -> {
                return false;
            }
            default -> {
                return appendLate(record);
            }
        }
    }

    /** Waits until every record so far is in the database; true when that happened in time. */
    boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (backlog() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Records not yet in the database: on disk, waiting for the disk, or in memory. */
    long backlog() {
        UsageJournal current = this.journal;
        GroupCommit group = this.commit;
        return (current != null ? current.backlog() : 0) + (group != null ? group.waiting() : 0)
                + this.unjournaled.size() + this.inFlight.size();
    }

    long journalBytes() {
        UsageJournal current = this.journal;
        return current != null ? current.bytes() : 0;
    }

    State state() {
        return this.journalFailing ? State.JOURNAL_FAILING : this.state;
    }

    @Nullable String lastError() {
        return this.lastError;
    }

    @Nullable Instant lastErrorAt() {
        return this.lastErrorAt;
    }

    @Override
    public void start() {
        synchronized (this.files) {
            try {
                UsageJournal opened = UsageJournal.open(this.properties.journalDirectory(),
                        this.properties.segmentSize().toBytes());
                opened.countBacklog();
                if (opened.backlog() > 0) {
                    log.info("Usage ledger: {} records in the journal {} are written to the database first",
                            opened.backlog(), this.properties.journalDirectory().toAbsolutePath());
                }
                this.journal = opened;
                this.commit = new GroupCommit(opened, this.properties.queueCapacity(), this::notJournaled);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Usage ledger: cannot open the journal "
                        + this.properties.journalDirectory().toAbsolutePath(), ex);
            }
        }
        this.stopping = false;
        this.state = State.WRITING;
        this.writer = Thread.ofPlatform().name("usage-ledger-writer").daemon().start(this::write);
    }

    @Override
    public void stop() {
        Thread thread = this.writer;
        if (thread == null) {
            return;
        }
        this.stopping = true;
        boolean writerEnded = join(thread, this.properties.shutdownTimeout());
        if (!writerEnded) {
            thread.interrupt();
            writerEnded = join(thread, Duration.ofSeconds(1));
        }
        synchronized (this.files) {
            UsageJournal current = this.journal;
            closeGroupCommit();
            List<UsageRecord> inMemory = new ArrayList<>();
            this.unjournaled.drainTo(inMemory);
            if (writerEnded) {
                inMemory.addAll(this.inFlight);
                this.inFlight.clear();
            }
            keep(current, inMemory);
            try {
                if (writerEnded) {
                    current.compact();
                }
                if (current.backlog() > 0) {
                    log.warn("Usage ledger: {} records not written within the shutdown timeout {} stay in the journal"
                            + " {} for the next start", current.backlog(), this.properties.shutdownTimeout(),
                            this.properties.journalDirectory().toAbsolutePath());
                }
                current.close();
            }
            catch (IOException ex) {
                log.warn("Usage ledger: closing the journal failed: {}", describe(ex));
            }
            this.journal = null;
            this.writer = null;
            this.state = State.STOPPED;
        }
    }

    @Override
    public boolean isRunning() {
        return this.writer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void write() {
        Duration backoff = this.properties.retryBackoff();
        while (true) {
            try {
                if (!writeBatch()) {
                    if (this.stopping) {
                        return;
                    }
                    Thread.sleep(IDLE_POLL);
                }
                backoff = this.properties.retryBackoff();
                this.state = State.WRITING;
            }
            catch (InterruptedException ex) {
                return;
            }
            catch (Throwable ex) {
                this.state = State.DEGRADED;
                failed("database", ex);
                warn("Usage ledger: writing to the database failed, retrying every {} at most; {} records wait: {}",
                        this.properties.maxBackoff(), backlog(), describe(ex));
                try {
                    Thread.sleep(backoff);
                }
                catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(this.properties.maxBackoff()) > 0
                        ? this.properties.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** Writes one batch, records that could not be journaled first; false when there was nothing to write. */
    private boolean writeBatch() throws IOException {
        if (this.inFlight.isEmpty()) {
            this.unjournaled.drainTo(this.inFlight, this.properties.batchSize());
        }
        if (!this.inFlight.isEmpty()) {
            insert(this.inFlight);
            this.inFlight.clear();
            return true;
        }
        UsageJournal current = this.journal;
        UsageJournal.Batch batch = current.read(this.properties.batchSize());
        if (batch.records().isEmpty()) {
            return false;
        }
        insert(batch.records());
        current.commit(batch);
        return true;
    }

    /**
     * Inserts the batch. When it fails while the database answers, inserts record by record and sets aside the
     * records it refuses; when the database does not answer, throws (the batch is retried).
     */
    private void insert(List<UsageRecord> records) throws IOException {
        try {
            this.repository.insert(records);
            this.written.increment(records.size());
            return;
        }
        catch (RuntimeException ex) {
            if (outage(ex)) {
                throw ex;
            }
        }
        for (UsageRecord record : records) {
            try {
                this.repository.insert(List.of(record));
                this.written.increment();
            }
            catch (RuntimeException ex) {
                if (outage(ex)) {
                    throw ex;
                }
                this.journal.reject(record);
                this.rejected.increment();
                failed("database refused a record", ex);
                log.warn("Usage ledger: the database refused record {} of request {}; kept in {}: {}",
                        record.recordId(), record.requestId(),
                        this.properties.journalDirectory().resolve(UsageJournal.REJECTED), describe(ex));
            }
        }
    }

    /** An unreachable or failing database, as opposed to one that answers and refuses the rows. */
    private boolean outage(RuntimeException ex) {
        return ex instanceof DataAccessResourceFailureException || ex instanceof TransientDataAccessException
                || !this.repository.reachable();
    }

    /** From the group commit: records the journal could not take go to the writer through memory. */
    private void notJournaled(List<UsageRecord> records, Throwable why) {
        this.journalFailing = true;
        this.notJournaled.increment(records.size());
        failed("journal", why);
        warn("Usage ledger: the journal {} cannot take records ({}); they go to the database from memory only",
                this.properties.journalDirectory().toAbsolutePath(), describe(why));
        for (UsageRecord record : records) {
            if (!this.unjournaled.offer(record)) {
                drop(1, "the journal fails and the memory queue is full");
            }
        }
    }

    /** A record arriving after the stop: appended to the journal on its own, for the next start. */
    private boolean appendLate(UsageRecord record) {
        synchronized (this.files) {
            GroupCommit group = this.commit;
            if (group != null) {
                return group.append(record, this.properties.appendTimeout()) == GroupCommit.Outcome.JOURNALED;
            }
            try (UsageJournal late = UsageJournal.open(this.properties.journalDirectory(),
                    this.properties.segmentSize().toBytes())) {
                late.append(List.of(record));
                return true;
            }
            catch (IOException | RuntimeException ex) {
                drop(1, "it arrived after the stop and the journal failed: " + describe(ex));
                return false;
            }
        }
    }

    private void closeGroupCommit() {
        GroupCommit group = this.commit;
        if (group != null) {
            try {
                group.close(this.properties.appendTimeout().plusSeconds(5));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        this.commit = null;
    }

    /** On stop: records held only in memory are journaled for the next start if the disk takes them now. */
    private void keep(UsageJournal current, List<UsageRecord> inMemory) {
        if (inMemory.isEmpty()) {
            return;
        }
        try {
            current.append(inMemory);
        }
        catch (IOException | RuntimeException ex) {
            drop(inMemory.size(), "they were neither journaled nor written by the stop: " + describe(ex));
        }
    }

    private void drop(int count, String why) {
        this.dropped.increment(count);
        log.error("Usage ledger: {} records lost because {} (see gateway_ledger_dropped_total)", count, why);
    }

    private void failed(String where, Throwable ex) {
        this.lastError = where + ": " + describe(ex);
        this.lastErrorAt = Instant.now();
    }

    private static boolean join(Thread thread, Duration wait) {
        try {
            return thread.join(wait);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    /** The exception's class and message, short: no stack, no SQL parameters. */
    static String describe(Throwable ex) {
        String text = ex.getClass().getSimpleName() + (ex.getMessage() != null ? ": " + ex.getMessage() : "");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
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
