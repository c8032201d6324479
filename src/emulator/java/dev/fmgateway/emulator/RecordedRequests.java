package dev.fmgateway.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last {@value #CAPACITY} requests (admin calls excluded), oldest first, holding at most
 * {@value #MAX_BODY_BYTES} bytes of each body and {@value #MAX_TOTAL_BYTES} bytes of bodies in all: a long run
 * with large bodies (a load test, 8 MB images) keeps the emulator's memory bounded.
 */
public final class RecordedRequests {

    static final int CAPACITY = 100;

    static final int MAX_BODY_BYTES = 1024 * 1024;

    static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;

    private long bodyBytes;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();

    private final java.util.concurrent.atomic.AtomicLong disconnects = new java.util.concurrent.atomic.AtomicLong();

    void clientDisconnected() {
        this.disconnects.incrementAndGet();
    }

    /** How many answers could not be finished because the client closed the connection (e.g. a cancelled stream). */
    public long disconnects() {
        return this.disconnects.get();
    }

    synchronized void add(RecordedRequest request) {
        RecordedRequest kept = request.body().length <= MAX_BODY_BYTES ? request : request.truncated(MAX_BODY_BYTES);
        while (!requests.isEmpty()
                && (requests.size() == CAPACITY || this.bodyBytes + kept.body().length > MAX_TOTAL_BYTES)) {
            this.bodyBytes -= requests.removeFirst().body().length;
        }
        requests.addLast(kept);
        this.bodyBytes += kept.body().length;
    }

    /** Bytes of request bodies held. */
    public synchronized long bodyBytes() {
        return this.bodyBytes;
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized Optional<RecordedRequest> last() {
        return Optional.ofNullable(requests.peekLast());
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
        this.bodyBytes = 0;
    }
}
