package dev.fmgateway.provider.bedrock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.EventConsumer;
import dev.fmgateway.provider.StreamInterruptedException;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamErrorException;
import dev.fmgateway.provider.UpstreamException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * InvokeModelWithResponseStream: each decoded chunk goes to the client as it arrives; the call returns the final
 * result once Bedrock ends the stream. A client that disconnects cancels the upstream stream.
 */
@Component
class BedrockStreaming {

    private final BedrockClients clients;

    private final JsonMapper json;

    BedrockStreaming(BedrockClients clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    TextResult stream(CatalogModel model, Deployment deployment, TextCodec codec, Object payload, TextStream stream,
            Deadline deadline) {
        InvokeModelWithResponseStreamRequest request = InvokeModelWithResponseStreamRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        TextStreamState state = new TextStreamState(codec, stream.sink());
        AtomicReference<@Nullable RuntimeException> localFailure = new AtomicReference<>();
        EventConsumer<ResponseStream> events = new EventConsumer<>(event -> {
            if (event instanceof PayloadPart part) {
                try {
                    state.accept(this.json.readTree(part.bytes().asByteArray()));
                }
                catch (JacksonException ex) {
                    localFailure.set(new UpstreamErrorException(model.id(), "a stream chunk was not valid JSON"));
                    throw ex;
                }
                catch (RuntimeException ex) {
                    localFailure.set(ex);
                    throw ex;
                }
            }
        });
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
            .onEventStream(publisher -> publisher.subscribe(events))
            .build();
        CompletableFuture<Void> call = this.clients.in(deployment.region())
            .invokeModelWithResponseStream(request, handler);
        try {
            Upstream.await(events.track(call), deadline, model.id(), (id, failure) -> failure instanceof RuntimeException r
                    ? r : new CompletionException(failure));
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            throw failure(model, deployment, stream, state, localFailure.get(), ex);
        }
        return state.result(TitanTextCodec.inputText(stream.prompt()));
    }

    private static RuntimeException failure(CatalogModel model, Deployment deployment, TextStream stream,
            TextStreamState state,
            @Nullable RuntimeException local, RuntimeException ex) {
        TextDeltaSink sink = stream.sink();
        if (local instanceof TextDeltaSink.ClientGoneException gone) {
            return new TextDeltaSink.ClientGoneException(gone.getCause(), new Completion(model, deployment,
                    state.partial(TitanTextCodec.inputText(stream.prompt())), null));
        }
        UpstreamException upstream = local instanceof UpstreamException u ? u : BedrockErrors.translate(model.id(), ex);
        return sink.started() ? new StreamInterruptedException(upstream) : upstream;
    }
}
