package dev.fmgateway.provider.sagemaker;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.LineBuffer;
import dev.fmgateway.provider.RegionalClients;
import dev.fmgateway.provider.TextStreamState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import tools.jackson.databind.json.JsonMapper;

/**
 * InvokeEndpointWithResponseStream: raw container bytes arrive in PayloadParts that may split a line; each
 * complete line is one message of the container's stream, decoded and sent to the client at once.
 */
@Component
class SageMakerStreaming {

    private final RegionalClients<SageMakerRuntimeAsyncClient> clients;

    private final JsonMapper json;

    SageMakerStreaming(RegionalClients<SageMakerRuntimeAsyncClient> clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    TextResult stream(CatalogModel model, Deployment deployment, ContainerCodec codec, TextStream stream,
            Deadline deadline) {
        String accept = codec.family() == PayloadFamily.DJL_LMI ? "application/jsonlines" : "application/json";
        InvokeEndpointWithResponseStreamRequest request = InvokeEndpointWithResponseStreamRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType("application/json")
            .accept(accept)
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(codec.request(stream.prompt(), true))))
            .build();
        TextStreamState state = new TextStreamState(model, deployment, codec, stream,
                ContainerCodec.inputs(stream.prompt()));
        LineBuffer lines = new LineBuffer();
        return state.read(messages -> this.clients.in(deployment.region())
            .invokeEndpointWithResponseStream(request, InvokeEndpointWithResponseStreamResponseHandler.builder()
                .onEventStream(events -> events.filter(PayloadPart.class)
                    .flatMapIterable(part -> lines.add(part.bytes().asByteArray()))
                    .addTrailingData(() -> List.of(lines.rest()))
                    .subscribe(messages))
                .build()), deadline, SageMakerErrors::translate);
    }
}
