package dev.fmgateway.provider.bedrock;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.PromptText;
import dev.fmgateway.provider.RegionalClients;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TextStreamState;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import tools.jackson.databind.json.JsonMapper;

/**
 * InvokeModelWithResponseStream: each chunk is one message of the family's stream, decoded and sent to the client
 * as it arrives; the call returns the final result once Bedrock ends the stream. A client that disconnects
 * cancels the upstream stream.
 */
@Component
class BedrockStreaming {

    private final RegionalClients<BedrockRuntimeAsyncClient> clients;

    private final JsonMapper json;

    BedrockStreaming(RegionalClients<BedrockRuntimeAsyncClient> clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    TextResult stream(CatalogModel model, Deployment deployment, TextCodec codec, TextStream stream,
            Deadline deadline) {
        InvokeModelWithResponseStreamRequest request = InvokeModelWithResponseStreamRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(codec.request(stream.prompt(), true))))
            .build();
        // Whatever the family, an estimate counts the prompt as Titan renders it.
        TextStreamState state = new TextStreamState(model, deployment, codec, stream,
                PromptText.transcript(stream.prompt(), "Bot"));
        return state.read(messages -> this.clients.in(deployment.region())
            .invokeModelWithResponseStream(request, InvokeModelWithResponseStreamResponseHandler.builder()
                .onEventStream(events -> events.filter(PayloadPart.class)
                    .map(part -> part.bytes().asUtf8String())
                    .subscribe(messages))
                .build()), deadline, BedrockErrors::translate);
    }
}
