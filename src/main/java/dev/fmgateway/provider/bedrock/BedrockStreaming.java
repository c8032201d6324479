package dev.fmgateway.provider.bedrock;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.EventConsumer;
import dev.fmgateway.problem.StreamInterruptedException;
import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
        EventConsumer<ResponseStream> events = new EventConsumer<>();
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
            .onEventStream(publisher -> publisher.subscribe(events))
            .build();
        CompletableFuture<Void> call = this.clients.in(deployment.region())
            .invokeModelWithResponseStream(request, handler);
        events.track(call);
        try {
            events.drain(event -> {
                if (event instanceof PayloadPart part) {
                    state.accept(chunk(model, part));
                }
            }, deadline, model.id());
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            throw failure(model, deployment, stream, state, ex);
        }
        return state.result(TitanTextCodec.inputText(stream.prompt()));
    }

    private JsonNode chunk(CatalogModel model, PayloadPart part) {
        try {
            return this.json.readTree(part.bytes().asByteArray());
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(model.id(), "a stream chunk was not valid JSON");
        }
    }

    private static RuntimeException failure(CatalogModel model, Deployment deployment, TextStream stream,
            TextStreamState state, RuntimeException ex) {
        TextDeltaSink sink = stream.sink();
        if (ex instanceof TextDeltaSink.ClientGoneException gone) {
            return new TextDeltaSink.ClientGoneException(gone.getCause(), new Completion(model, deployment,
                    state.partial(TitanTextCodec.inputText(stream.prompt())), null));
        }
        UpstreamException upstream = BedrockErrors.translate(model.id(), ex);
        return sink.started() ? new StreamInterruptedException(upstream) : upstream;
    }
}
