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
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamJson;
import software.amazon.awssdk.core.SdkBytes;
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

    private final SageMakerClients clients;

    private final JsonMapper json;

    private final SageMakerStreaming streaming;

    private final SamCodec sam;

    private final SamSession samSession;

    private final Map<PayloadFamily, SageMakerTextCodec> text = new EnumMap<>(PayloadFamily.class);

    SageMakerAdapter(SageMakerClients clients, JsonMapper json, SageMakerStreaming streaming, SamCodec sam,
            SamSession samSession, List<SageMakerTextCodec> text) {
        this.clients = clients;
        this.json = json;
        this.streaming = streaming;
        this.sam = sam;
        this.samSession = samSession;
        text.forEach(codec -> this.text.put(codec.family(), codec));
    }

    @Override
    public Backend backend() {
        return Backend.SAGEMAKER;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return family == PayloadFamily.SAM || family == PayloadFamily.SAM_ONE_SHOT || this.text.containsKey(family);
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request,
            Deadline deadline) {
        return switch (request) {
            case TextPrompt prompt -> {
                SageMakerTextCodec codec = textCodec(model, deployment);
                codec.check(prompt);
                yield codec.response(call(model, deployment, deadline, codec.request(prompt, false)), prompt);
            }
            case TextStream stream -> {
                SageMakerTextCodec codec = textCodec(model, deployment);
                codec.check(stream.prompt());
                yield this.streaming.stream(model, deployment, codec, codec.request(stream.prompt(), true), stream,
                        deadline);
            }
            case SegmentationInput input -> switch (deployment.family()) {
                case SAM -> this.samSession.segment(model, deployment, input, deadline);
                case SAM_ONE_SHOT -> this.sam.oneShotResponse(call(model, deployment, deadline, this.sam.oneShot(input)),
                        input, model.id());
                default -> throw new IllegalStateException(model.id() + " is not a segmentation endpoint");
            };
            case ImagePrompt prompt -> throw new IllegalStateException("No SageMaker image generation family");
            case EmbeddingInput input -> throw new IllegalStateException("No SageMaker embedding family");
        };
    }

    private SageMakerTextCodec textCodec(CatalogModel model, Deployment deployment) {
        SageMakerTextCodec codec = this.text.get(deployment.family());
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
