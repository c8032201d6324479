package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.StreamInterruptedException;
import dev.fmgateway.problem.UpstreamException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.Usage;
import tools.jackson.core.JacksonException;

/**
 * Accumulates one streamed text answer, on either backend: forwards the text of each message to the client at
 * once, and keeps the full text, the finish reason and the token counts the stream reported. Counts it did not
 * report are estimated; a stream that ends without saying why stopped at its length limit if it used it all.
 */
public final class TextStreamState {

    private final CatalogModel model;

    private final Deployment deployment;

    private final TextCodec codec;

    private final TextStream stream;

    private final String promptText;

    private final StringBuilder text = new StringBuilder();

    private @Nullable FinishReason finishReason;

    private @Nullable Long inputTokens;

    private @Nullable Long outputTokens;

    private boolean billed;

    /**
     * @param promptText the prompt as the estimate of its tokens counts it
     */
    public TextStreamState(CatalogModel model, Deployment deployment, TextCodec codec, TextStream stream,
            String promptText) {
        this.model = model;
        this.deployment = deployment;
        this.codec = codec;
        this.stream = stream;
        this.promptText = promptText;
    }

    /**
     * Starts the call and reads its messages on this thread until the stream ends. On failure the call is
     * cancelled: a client that left gets what was produced until then (so it is metered), any other failure is
     * translated, and once text went out it is an interrupted stream, never retried.
     *
     * @param start starts the SDK call with its stream's messages (see {@link TextCodec#chunk}) going to the
     * given subscriber
     * @param translate turns the SDK's failure into the gateway's taxonomy
     */
    public TextResult read(Function<Subscriber<String>, CompletableFuture<Void>> start, Deadline deadline,
            BiFunction<String, Throwable, UpstreamException> translate) {
        EventConsumer<String> messages = new EventConsumer<>();
        CompletableFuture<Void> call = start.apply(messages);
        messages.track(call);
        try {
            messages.drain(this::accept, deadline, this.model.id());
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            throw failure(ex, translate);
        }
        return result(this.billed);
    }

    private void accept(String message) {
        TextCodec.StreamChunk chunk = decode(message);
        if (chunk == null) {
            return;
        }
        if (chunk.finishReason() != null) {
            this.finishReason = chunk.finishReason();
        }
        if (chunk.inputTokens() != null) {
            this.inputTokens = chunk.inputTokens();
        }
        if (chunk.outputTokens() != null) {
            this.outputTokens = chunk.outputTokens();
        }
        this.billed |= chunk.billed();
        if (!chunk.text().isEmpty()) {
            this.text.append(chunk.text());
            this.stream.sink().delta(chunk.text());
        }
    }

    private TextCodec.@Nullable StreamChunk decode(String message) {
        try {
            return this.codec.chunk(message);
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(this.model.id(), "a stream chunk was not valid JSON");
        }
        catch (TextCodec.StreamError ex) {
            throw new UpstreamErrorException(this.model.id(), "the stream failed: " + ex.getMessage());
        }
    }

    private RuntimeException failure(RuntimeException ex, BiFunction<String, Throwable, UpstreamException> translate) {
        if (ex instanceof TextDeltaSink.ClientGoneException gone) {
            // The provider reports no usage for a cancelled stream: what it produced is estimated.
            return new TextDeltaSink.ClientGoneException(gone.getCause(),
                    new Completion<>(this.model, this.deployment, result(false), null));
        }
        UpstreamException upstream = translate.apply(this.model.id(), ex);
        // Text already went out: the provider produced (and bills) it, so it travels with the failure.
        return this.stream.sink().started() ? new StreamInterruptedException(upstream,
                new Completion<>(this.model, this.deployment, result(false), null)) : upstream;
    }

    private TextResult result(boolean billedUsage) {
        String output = this.text.toString();
        long input = this.inputTokens != null ? this.inputTokens : Usage.Tokens.estimate(this.promptText);
        long generated = this.outputTokens != null ? this.outputTokens : Usage.Tokens.estimate(output);
        boolean estimated = !billedUsage || this.inputTokens == null || this.outputTokens == null;
        FinishReason reason = this.finishReason != null ? this.finishReason
                : generated >= this.stream.prompt().maxTokens() ? FinishReason.LENGTH : FinishReason.STOP;
        return new TextResult(output, reason, new Usage.Tokens(input, generated, estimated));
    }
}
