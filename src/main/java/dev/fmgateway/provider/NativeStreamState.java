package dev.fmgateway.provider;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.NativeSink;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.StreamInterruptedException;
import dev.fmgateway.problem.UpstreamException;

/**
 * Relays one streamed native answer: each part goes to the caller's sink as it arrives, unchanged, and is also
 * read by the family's codec (line by line for containers) for the token counts the stream reports, so the call
 * is metered like any other. Counts the stream did not report are estimated.
 */
public final class NativeStreamState {

    private final CatalogModel model;

    private final Deployment deployment;

    private final NativeCall call;

    private final NativeSink sink;

    private final @Nullable TextCodec codec;

    private final @Nullable LineBuffer lines;

    private final String contentType;

    private final StringBuilder text = new StringBuilder();

    private @Nullable Long inputTokens;

    private @Nullable Long outputTokens;

    private boolean billed;

    /**
     * @param codec the family's text codec, if it streams text (reads usage from the parts)
     * @param lines whether parts are raw container bytes, whose messages are lines (SageMaker)
     */
    public NativeStreamState(CatalogModel model, Deployment deployment, NativeCall call, @Nullable TextCodec codec,
            boolean lines, String contentType) {
        this.model = model;
        this.deployment = deployment;
        this.call = call;
        this.sink = Objects.requireNonNull(call.sink(), "a streamed call has a sink");
        this.codec = codec;
        this.lines = lines ? new LineBuffer() : null;
        this.contentType = contentType;
    }

    /** Starts the call, relays its parts on this thread until the stream ends, and returns what it took. */
    public NativeResult read(Function<Subscriber<byte[]>, CompletableFuture<Void>> start, Deadline deadline,
            BiFunction<String, Throwable, UpstreamException> translate) {
        EventConsumer<byte[]> parts = new EventConsumer<>();
        CompletableFuture<Void> upstream = start.apply(parts);
        parts.track(upstream);
        try {
            parts.drain(this::accept, deadline, this.model.id());
            if (this.lines != null) {
                count(this.lines.rest());
            }
        }
        catch (RuntimeException ex) {
            upstream.cancel(true);
            throw failure(ex, translate);
        }
        return result(this.billed);
    }

    private void accept(byte[] part) {
        if (!this.sink.started()) {
            this.sink.open(this.deployment, this.contentType);
        }
        this.sink.part(part);
        if (this.lines != null) {
            this.lines.add(part).forEach(this::count);
        }
        else {
            count(new String(part, StandardCharsets.UTF_8));
        }
    }

    /** Reads the usage (and text, for the output estimate) a message reports; the caller already has it. */
    private void count(String message) {
        if (this.codec == null || message.isEmpty()) {
            return;
        }
        TextCodec.StreamChunk chunk;
        try {
            chunk = this.codec.chunk(message);
        }
        catch (RuntimeException ex) {
            // The caller asked the model for something the codec does not read (or the model reported an error
            // in the stream, which the caller gets as sent): it still counts by the estimate.
            return;
        }
        if (chunk == null) {
            return;
        }
        this.text.append(chunk.text());
        if (chunk.inputTokens() != null) {
            this.inputTokens = chunk.inputTokens();
        }
        if (chunk.outputTokens() != null) {
            this.outputTokens = chunk.outputTokens();
        }
        this.billed |= chunk.billed();
    }

    private RuntimeException failure(RuntimeException ex, BiFunction<String, Throwable, UpstreamException> translate) {
        if (ex instanceof TextDeltaSink.ClientGoneException gone) {
            return new TextDeltaSink.ClientGoneException(gone.getCause(),
                    new Completion<>(this.model, this.deployment, result(false), null));
        }
        UpstreamException upstream = translate.apply(this.model.id(), ex);
        return this.sink.started() ? new StreamInterruptedException(upstream,
                new Completion<>(this.model, this.deployment, result(false), null)) : upstream;
    }

    private NativeResult result(boolean billedUsage) {
        long input = this.inputTokens != null ? this.inputTokens : NativeUsage.estimate(this.call.body());
        long output = this.outputTokens != null ? this.outputTokens : Usage.Tokens.estimate(this.text.toString());
        boolean estimated = !billedUsage || this.inputTokens == null || this.outputTokens == null;
        return new NativeResult(new byte[0], this.contentType, Map.of(), new Usage.Tokens(input, output, estimated));
    }
}
