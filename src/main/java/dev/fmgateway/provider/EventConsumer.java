package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.fmgateway.invocation.Deadline;

/**
 * Consumes an SDK event stream on the caller's own (virtual) thread. The SDK delivers events on its Netty event
 * loop; they are only handed over here, so a slow client never blocks the shared event loop, and every write
 * to the client happens on the request thread. One event at a time is requested (back-pressure): the next only
 * after the previous one was handled. When handling fails (the client left, a chunk is garbage) or the deadline
 * passes, the subscription is cancelled at once.
 */
public final class EventConsumer<E> implements Subscriber<E> {

    private sealed interface Signal<E> {
    }

    private record Next<E>(E event) implements Signal<E> {
    }

    private record Failed<E>(Throwable failure) implements Signal<E> {
    }

    private record Completed<E>() implements Signal<E> {
    }

    private final BlockingQueue<Signal<E>> signals = new LinkedBlockingQueue<>();

    private volatile @Nullable Subscription subscription;

    /** Ties the SDK call to this consumer: a call that fails (e.g. before the stream started) ends the drain. */
    public void track(CompletableFuture<Void> call) {
        call.whenComplete((ignored, failure) -> {
            if (failure != null) {
                this.signals.add(new Failed<>(failure));
            }
        });
    }

    /**
     * Handles every event until the stream ends. Throws the handler's exception, the stream's failure (as sent by
     * the SDK, possibly wrapped in a {@link CompletionException}), or a deadline timeout.
     */
    public void drain(Consumer<E> handler, Deadline deadline, String modelId) {
        while (true) {
            Signal<E> signal;
            try {
                signal = this.signals.poll(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                cancel();
                Thread.currentThread().interrupt();
                throw UpstreamTimeoutException.deadline(modelId, "the request was abandoned");
            }
            switch (signal) {
                case null -> {
                    cancel();
                    throw UpstreamTimeoutException.deadline(modelId, "no answer before the request's deadline");
                }
                case Next<E>(E event) -> {
                    try {
                        handler.accept(event);
                    }
                    catch (RuntimeException ex) {
                        cancel();
                        throw ex;
                    }
                    request();
                }
                case Failed<E>(Throwable failure) -> throw failure instanceof RuntimeException runtime ? runtime
                        : new CompletionException(failure);
                case Completed<E>() -> {
                    return;
                }
            }
        }
    }

    private void request() {
        Subscription current = this.subscription;
        if (current != null) {
            current.request(1);
        }
    }

    private void cancel() {
        Subscription current = this.subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(E event) {
        this.signals.add(new Next<>(event));
    }

    @Override
    public void onError(Throwable failure) {
        this.signals.add(new Failed<>(failure));
    }

    @Override
    public void onComplete() {
        this.signals.add(new Completed<>());
    }
}
