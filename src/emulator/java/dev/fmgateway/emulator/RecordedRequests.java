package dev.fmgateway.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** The last {@value #CAPACITY} requests (admin calls excluded), oldest first. */
public final class RecordedRequests {

    static final int CAPACITY = 100;

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
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(request);
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
    }
}
