package dev.fmgateway.provider.sagemaker;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.EventConsumer;
import dev.fmgateway.problem.StreamInterruptedException;
import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import software.amazon.awssdk.services.sagemakerruntime.model.ResponseStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * InvokeEndpointWithResponseStream: raw container bytes arrive in PayloadParts that may split a line; complete
 * lines are decoded by the container's codec and their text goes to the client at once.
 */
@Component
class SageMakerStreaming {

    private final SageMakerClients clients;

    private final JsonMapper json;

    SageMakerStreaming(SageMakerClients clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    TextResult stream(CatalogModel model, Deployment deployment, SageMakerTextCodec codec, Object payload,
            TextStream stream,
            Deadline deadline) {
        InvokeEndpointWithResponseStreamRequest request = InvokeEndpointWithResponseStreamRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType("application/json")
            .accept(codec.family() == dev.fmgateway.catalog.PayloadFamily.DJL_LMI ? "application/jsonlines"
                    : "application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        Collector collector = new Collector(codec, stream.sink());
        EventConsumer<ResponseStream> events = new EventConsumer<>();
        InvokeEndpointWithResponseStreamResponseHandler handler = InvokeEndpointWithResponseStreamResponseHandler
            .builder()
            .onEventStream(publisher -> publisher.subscribe(events))
            .build();
        CompletableFuture<Void> call = this.clients.in(deployment.region())
            .invokeEndpointWithResponseStream(request, handler);
        events.track(call);
        try {
            events.drain(event -> {
                if (event instanceof PayloadPart part) {
                    collector.lines(model, collector.buffer.add(part.bytes().asByteArray()));
                }
            }, deadline, model.id());
            collector.lines(model, java.util.List.of(collector.buffer.rest()));
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            if (ex instanceof TextDeltaSink.ClientGoneException gone) {
                throw new TextDeltaSink.ClientGoneException(gone.getCause(), new Completion(model, deployment,
                        collector.result(SageMakerTextCodec.plain(stream.prompt()), stream.prompt().maxTokens()), null));
            }
            UpstreamException upstream = SageMakerErrors.translate(model.id(), ex);
            throw stream.sink().started() ? new StreamInterruptedException(upstream) : upstream;
        }
        return collector.result(SageMakerTextCodec.plain(stream.prompt()), stream.prompt().maxTokens());
    }

    private static final class Collector {

        final LineBuffer buffer = new LineBuffer();

        private final SageMakerTextCodec codec;

        private final TextDeltaSink sink;

        private final StringBuilder text = new StringBuilder();

        private @Nullable FinishReason finishReason;

        private @Nullable Long outputTokens;

        Collector(SageMakerTextCodec codec, TextDeltaSink sink) {
            this.codec = codec;
            this.sink = sink;
        }

        void lines(CatalogModel model, java.util.List<String> lines) {
            for (String line : lines) {
                SageMakerTextCodec.Piece piece = line.isBlank() ? null : decode(model, line);
                if (piece == null) {
                    continue;
                }
                if (piece.finishReason() != null) {
                    this.finishReason = piece.finishReason();
                }
                if (piece.outputTokens() != null) {
                    this.outputTokens = piece.outputTokens();
                }
                if (!piece.text().isEmpty()) {
                    this.text.append(piece.text());
                    this.sink.delta(piece.text());
                }
            }
        }

        private SageMakerTextCodec.@Nullable Piece decode(CatalogModel model, String line) {
            try {
                return this.codec.line(line);
            }
            catch (JacksonException ex) {
                throw new UpstreamErrorException(model.id(), "a streamed line was not valid JSON");
            }
            catch (SageMakerTextCodec.StreamError ex) {
                throw new UpstreamErrorException(model.id(), "the stream failed: " + ex.getMessage());
            }
        }

        TextResult result(String promptText, int maxTokens) {
            String output = this.text.toString();
            long generated = this.outputTokens != null ? this.outputTokens : Usage.Tokens.estimate(output);
            FinishReason reason = this.finishReason != null ? this.finishReason
                    : generated >= maxTokens ? FinishReason.LENGTH : FinishReason.STOP;
            return new TextResult(output, reason, new Usage.Tokens(Usage.Tokens.estimate(promptText), generated, true));
        }
    }
}
