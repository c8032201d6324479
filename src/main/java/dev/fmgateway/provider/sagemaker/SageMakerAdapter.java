package dev.fmgateway.provider.sagemaker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.InferenceResult;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.ProviderAdapter;
import dev.fmgateway.provider.RegionalClients;
import dev.fmgateway.provider.TokenCounts;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls SageMaker endpoints (InvokeEndpoint, InvokeEndpointWithResponseStream) with the payload of the
 * endpoint's container family. The endpoint name is the deployment's upstream id, so a fine-tuned endpoint of a
 * known family is a catalog entry.
 */
@Component
class SageMakerAdapter implements ProviderAdapter {

    private final RegionalClients<SageMakerRuntimeAsyncClient> clients;

    private final JsonMapper json;

    private final SageMakerStreaming streaming;

    private final SamCodec sam;

    private final Map<PayloadFamily, ContainerCodec> text = new EnumMap<>(PayloadFamily.class);

    SageMakerAdapter(RegionalClients<SageMakerRuntimeAsyncClient> clients, JsonMapper json,
            SageMakerStreaming streaming, SamCodec sam, List<ContainerCodec> text) {
        this.clients = clients;
        this.json = json;
        this.streaming = streaming;
        this.sam = sam;
        text.forEach(codec -> this.text.put(codec.family(), codec));
    }

    @Override
    public Backend backend() {
        return Backend.SAGEMAKER;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return family == PayloadFamily.SAM || this.text.containsKey(family);
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request,
            Deadline deadline) {
        return switch (request) {
            case TextPrompt prompt -> {
                ContainerCodec codec = textCodec(model, deployment);
                codec.check(prompt);
                yield codec.response(call(model, deployment, deadline, codec.request(prompt, false)), TokenCounts.NONE,
                        prompt);
            }
            case TextStream stream -> {
                ContainerCodec codec = textCodec(model, deployment);
                codec.check(stream.prompt());
                yield this.streaming.stream(model, deployment, codec, stream, deadline);
            }
            case SegmentationInput input -> {
                if (deployment.family() != PayloadFamily.SAM) {
                    throw new IllegalStateException(model.id() + " is not a segmentation endpoint");
                }
                yield this.sam.response(call(model, deployment, deadline, this.sam.request(input)), input, model.id());
            }
            case ImagePrompt prompt -> throw new IllegalStateException("No SageMaker image generation family");
            case EmbeddingInput input -> throw new IllegalStateException("No SageMaker embedding family");
        };
    }

    private ContainerCodec textCodec(CatalogModel model, Deployment deployment) {
        ContainerCodec codec = this.text.get(deployment.family());
        if (codec == null) {
            throw new IllegalStateException(model.id() + ": family " + deployment.family() + " cannot generate text");
        }
        return codec;
    }

    private JsonNode call(CatalogModel model, Deployment deployment, Deadline deadline, Object payload) {
        InvokeEndpointRequest request = InvokeEndpointRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        byte[] body = Upstream.await(this.clients.in(deployment.region()).invokeEndpoint(request), deadline,
                model.id(), SageMakerErrors::translate).body().asByteArray();
        return UpstreamJson.read(this.json, body, model.id());
    }
}
