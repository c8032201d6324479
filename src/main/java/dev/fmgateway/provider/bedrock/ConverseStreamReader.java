package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.ToolCall;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.StreamInterruptedException;
import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.provider.EventConsumer;
import dev.fmgateway.provider.PromptText;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accumulates one ConverseStream answer: text deltas, tool calls (a {@code contentBlockStart} with the tool's id
 * and name, then JSON fragments of its input, parsed when the block stops) and reasoning (text, then its
 * signature) go to the client as they arrive; the stop reason comes with {@code messageStop} and the usage, cache
 * buckets included, with the final {@code metadata}. Failures are handled as for InvokeModel streams: a client
 * that left gets what was produced (usage estimated), a failure after the first event is an interrupted stream.
 */
final class ConverseStreamReader {

    private final CatalogModel model;

    private final Deployment deployment;

    private final TextStream stream;

    private final JsonMapper json;

    private final StringBuilder text = new StringBuilder();

    private final StringBuilder reasoning = new StringBuilder();

    private @Nullable String signature;

    /** Tool calls by content block index: position among the calls, id, name, input so far. */
    private final Map<Integer, PendingCall> pending = new HashMap<>();

    private final List<ToolCall> calls = new ArrayList<>();

    private int started;

    private @Nullable FinishReason finishReason;

    private @Nullable TokenUsage usage;

    private static final class PendingCall {

        final int index;

        final String id;

        final String name;

        final StringBuilder input = new StringBuilder();

        PendingCall(int index, String id, String name) {
            this.index = index;
            this.id = id;
            this.name = name;
        }
    }

    ConverseStreamReader(CatalogModel model, Deployment deployment, TextStream stream, JsonMapper json) {
        this.model = model;
        this.deployment = deployment;
        this.stream = stream;
        this.json = json;
    }

    TextResult read(Function<Subscriber<ConverseStreamOutput>, CompletableFuture<Void>> start, Deadline deadline) {
        EventConsumer<ConverseStreamOutput> events = new EventConsumer<>();
        CompletableFuture<Void> call = start.apply(events);
        events.track(call);
        try {
            events.drain(this::accept, deadline, this.model.id());
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            throw failure(ex);
        }
        if (this.usage == null) {
            throw failure(new UpstreamErrorException(this.model.id(), "the stream ended without its metadata"));
        }
        return result(true);
    }

    void accept(ConverseStreamOutput event) {
        TextDeltaSink sink = this.stream.sink();
        switch (event) {
            case ContentBlockStartEvent start when start.start() != null && start.start().toolUse() != null -> {
                PendingCall call = new PendingCall(this.started++, start.start().toolUse().toolUseId(),
                        start.start().toolUse().name());
                this.pending.put(start.contentBlockIndex(), call);
                sink.toolCallStart(call.index, call.id, call.name);
            }
            case ContentBlockDeltaEvent delta when delta.delta() != null -> {
                if (delta.delta().text() != null && !delta.delta().text().isEmpty()) {
                    this.text.append(delta.delta().text());
                    sink.delta(delta.delta().text());
                }
                else if (delta.delta().toolUse() != null) {
                    PendingCall call = this.pending.get(delta.contentBlockIndex());
                    if (call == null) {
                        throw new UpstreamErrorException(this.model.id(), "tool input for a block that did not start");
                    }
                    call.input.append(delta.delta().toolUse().input());
                    sink.toolCallInput(call.index, delta.delta().toolUse().input());
                }
                else if (delta.delta().reasoningContent() != null) {
                    if (delta.delta().reasoningContent().text() != null) {
                        this.reasoning.append(delta.delta().reasoningContent().text());
                        sink.reasoning(delta.delta().reasoningContent().text());
                    }
                    if (delta.delta().reasoningContent().signature() != null) {
                        this.signature = delta.delta().reasoningContent().signature();
                        sink.reasoningSignature(this.signature);
                    }
                }
            }
            case ContentBlockStopEvent stop -> {
                PendingCall call = this.pending.remove(stop.contentBlockIndex());
                if (call != null) {
                    this.calls.add(new ToolCall(call.id, call.name, input(call)));
                }
            }
            case MessageStopEvent stop -> this.finishReason = ConverseAnswers.finishReason(stop.stopReason());
            case ConverseStreamMetadataEvent metadata -> this.usage = metadata.usage();
            default -> {
                // messageStart, and members this gateway does not use (citations, images): nothing to forward.
            }
        }
    }

    private JsonNode input(PendingCall call) {
        String input = call.input.toString();
        try {
            return this.json.readTree(input.isBlank() ? "{}" : input);
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(this.model.id(), "the input of tool call " + call.id + " was not JSON");
        }
    }

    private RuntimeException failure(RuntimeException ex) {
        if (ex instanceof TextDeltaSink.ClientGoneException gone) {
            return new TextDeltaSink.ClientGoneException(gone.getCause(),
                    new Completion<>(this.model, this.deployment, result(false), null));
        }
        UpstreamException upstream = BedrockErrors.translate(this.model.id(), ex);
        return this.stream.sink().started() ? new StreamInterruptedException(upstream,
                new Completion<>(this.model, this.deployment, result(false), null)) : upstream;
    }

    TextResult result(boolean complete) {
        ContentPart.Reasoning thought = this.reasoning.isEmpty() && this.signature == null ? null
                : new ContentPart.Reasoning(this.reasoning.toString(), this.signature);
        Usage.Tokens tokens;
        if (complete && this.usage != null) {
            tokens = ConverseAnswers.usage(this.usage, thought);
        }
        else {
            long output = Usage.Tokens.estimate(this.text.toString() + this.reasoning);
            tokens = new Usage.Tokens(Usage.Tokens.estimate(PromptText.content(this.stream.prompt())), output, true, 0,
                    0, Usage.Tokens.estimate(this.reasoning.toString()));
        }
        FinishReason reason = this.finishReason != null ? this.finishReason
                : !this.calls.isEmpty() ? FinishReason.TOOL_USE : FinishReason.STOP;
        return new TextResult(this.text.toString(), reason, tokens, this.calls, thought);
    }
}
