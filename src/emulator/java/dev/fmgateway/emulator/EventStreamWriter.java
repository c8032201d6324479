package dev.fmgateway.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * Writes {@code application/vnd.amazon.eventstream} messages (prelude, headers, payload, CRCs), flushing
 * each one and pausing {@code interval} between events. A {@link StreamFault} replaces the event after
 * the K-th with an exception message and ends the stream.
 */
final class EventStreamWriter {

    private final OutputStream out;
    private final Duration interval;
    private final @Nullable StreamFault fault;
    private final long startNanos;
    private long firstEventNanos = -1;
    private int events;

    /** @param startNanos when the request arrived, for the latency metrics */
    EventStreamWriter(OutputStream out, Duration interval, @Nullable StreamFault fault, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
        this.interval = interval;
        this.fault = fault;
    }

    /** An exception message to send instead of event number {@code afterEvents + 1}. */
    record StreamFault(int afterEvents, String exceptionType, byte[] payload) {
    }

    /** Thrown after a fault's exception message was written: the stream is over. */
    static final class StreamAborted extends RuntimeException {
        StreamAborted() {
            super("stream aborted by an injected fault", null, false, false);
        }
    }

    void event(String eventType, byte[] payload, @Nullable String contentType) {
        if (fault != null && events == fault.afterEvents()) {
            pause();
            Map<String, HeaderValue> headers = new LinkedHashMap<>();
            headers.put(":exception-type", HeaderValue.fromString(fault.exceptionType()));
            headers.put(":content-type", HeaderValue.fromString("application/json"));
            headers.put(":message-type", HeaderValue.fromString("exception"));
            write(new Message(headers, fault.payload()));
            throw new StreamAborted();
        }
        pause();
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(eventType));
        if (contentType != null) {
            headers.put(":content-type", HeaderValue.fromString(contentType));
        }
        headers.put(":message-type", HeaderValue.fromString("event"));
        write(new Message(headers, payload));
        if (firstEventNanos < 0) {
            firstEventNanos = System.nanoTime();
        }
        events++;
    }

    int events() {
        return events;
    }

    long elapsedMillis() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    long firstByteMillis() {
        return firstEventNanos < 0 ? elapsedMillis() : Duration.ofNanos(firstEventNanos - startNanos).toMillis();
    }

    private void pause() {
        if (events > 0 && interval.isPositive()) {
            Sleep.of(interval);
        }
    }

    private void write(Message message) {
        try {
            message.encode(out);
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
