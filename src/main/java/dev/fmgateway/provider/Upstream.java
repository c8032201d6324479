package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import dev.fmgateway.invocation.Deadline;

/**
 * Waits for an SDK call until the invocation's deadline. Past it, or if the waiting thread is interrupted, the
 * call is cancelled (the SDK aborts the HTTP exchange) and the caller gets 504.
 */
public final class Upstream {

    private Upstream() {
    }

    /**
     * @param translate turns the SDK's failure into the gateway's taxonomy
     */
    public static <T> T await(CompletableFuture<T> call, Deadline deadline, String modelId,
            BiFunction<String, Throwable, RuntimeException> translate) {
        try {
            return call.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            call.cancel(true);
            throw UpstreamTimeoutException.deadline(modelId, "no answer before the request's deadline");
        }
        catch (InterruptedException ex) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw UpstreamTimeoutException.deadline(modelId, "the request was abandoned");
        }
        catch (ExecutionException ex) {
            throw translate.apply(modelId, ex.getCause() != null ? ex.getCause() : ex);
        }
    }
}
