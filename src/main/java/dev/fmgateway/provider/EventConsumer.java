package dev.fmgateway.provider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Consumes an SDK event stream one event at a time (back-pressure: the next event is requested only after the
 * previous one was handled, i.e. written to the client). When handling fails (the client left, a chunk is
 * garbage) the subscription is cancelled at once and {@link #finished()} fails with that exception, so the caller
 * can also cancel the SDK call and the upstream connection is closed.
 */
public final class EventConsumer<E> implements Subscriber<E> {

    private final Consumer<E> handler;

    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private volatile @Nullable Subscription subscription;

    public EventConsumer(Consumer<E> handler) {
        this.handler = handler;
    }

    /** Completes when the stream ended, or fails with the stream's or the handler's error. */
    public CompletableFuture<Void> finished() {
        return this.finished;
    }

    /** Ties the SDK call to this consumer: a call that fails (e.g. before the stream started) fails it too. */
    public CompletableFuture<Void> track(CompletableFuture<Void> call) {
        call.whenComplete((ignored, failure) -> {
            if (failure != null) {
                this.finished.completeExceptionally(failure);
            }
        });
        return this.finished;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(E event) {
        Subscription current = this.subscription;
        try {
            this.handler.accept(event);
        }
        catch (RuntimeException ex) {
            if (current != null) {
                current.cancel();
            }
            this.finished.completeExceptionally(ex);
            return;
        }
        if (current != null) {
            current.request(1);
        }
    }

    @Override
    public void onError(Throwable failure) {
        this.finished.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        this.finished.complete(null);
    }
}
