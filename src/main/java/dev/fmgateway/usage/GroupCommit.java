package dev.fmgateway.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Appends records to the journal for many callers at once: one thread takes whatever is waiting, writes it and
 * fsyncs it once, then releases every caller of that group. Records the journal could not take are handed to
 * {@code notJournaled} (by this thread, so even when their callers gave up waiting).
 */
final class GroupCommit {

    /** Most records in one write. */
    static final int MAX_GROUP = 4096;

    private final UsageJournal journal;

    private final BlockingQueue<Pending> queue;

    private final BiConsumer<List<UsageRecord>, Throwable> notJournaled;

    private final Thread thread;

    private boolean closed;

    GroupCommit(UsageJournal journal, int capacity, BiConsumer<List<UsageRecord>, Throwable> notJournaled) {
        this.journal = journal;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.notJournaled = notJournaled;
        this.thread = Thread.ofPlatform().name("usage-ledger-journal").daemon().start(this::run);
    }

    /** What became of a record handed to {@link #append}. */
    enum Outcome {
        /** On disk. */
        JOURNALED,
        /** Still waiting for the disk after the wait; it is written when the disk allows. */
        WAITING,
        /** The journal could not take it: it went to {@code notJournaled}. */
        NOT_JOURNALED,
        /** Closed: the caller keeps the record. */
        CLOSED
    }

    /** Queues the record and waits at most {@code wait} for it to be on disk. */
    Outcome append(UsageRecord record, Duration wait) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        synchronized (this) {
            if (this.closed) {
                return Outcome.CLOSED;
            }
            if (!this.queue.offer(pending)) {
                this.notJournaled.accept(List.of(record), new IllegalStateException(
                        "the journal is behind by " + this.queue.size() + " records (the disk is too slow)"));
                return Outcome.NOT_JOURNALED;
            }
        }
        try {
            return pending.done().get(wait.toNanos(), TimeUnit.NANOSECONDS) ? Outcome.JOURNALED : Outcome.NOT_JOURNALED;
        }
        catch (TimeoutException ex) {
            return Outcome.WAITING;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Outcome.WAITING;
        }
        catch (ExecutionException ex) {
            return Outcome.NOT_JOURNALED;
        }
    }

    /** Records waiting for the disk. */
    int waiting() {
        return this.queue.size();
    }

    /** Refuses new records, writes those already queued, and waits (bounded) for the thread to end. */
    void close(Duration wait) throws InterruptedException {
        synchronized (this) {
            this.closed = true;
        }
        this.thread.join(wait);
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    synchronized (this) {
                        if (this.closed && this.queue.isEmpty()) {
                            return;
                        }
                    }
                    continue;
                }
                group.add(first);
                this.queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            }
            catch (InterruptedException ex) {
                // only close() ends this thread, once the queue is empty
            }
            finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        List<UsageRecord> records = group.stream().map(Pending::record).toList();
        boolean journaled;
        try {
            this.journal.append(records);
            journaled = true;
        }
        catch (Throwable ex) {
            journaled = false;
            this.notJournaled.accept(records, ex);
        }
        for (Pending pending : group) {
            pending.done().complete(journaled);
        }
    }

    private record Pending(UsageRecord record, CompletableFuture<Boolean> done) {
    }
}
