package dev.fmgateway.provider.sagemaker;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.InferenceResult;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.provider.ProviderAdapter;
import dev.fmgateway.provider.UpstreamErrorException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import tools.jackson.core.JacksonException;
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

    private final Map<PayloadFamily, SageMakerTextCodec> text = new EnumMap<>(PayloadFamily.class);

    SageMakerAdapter(SageMakerClients clients, JsonMapper json, SageMakerStreaming streaming, SamCodec sam,
            List<SageMakerTextCodec> text) {
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
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request) {
        return switch (request) {
            case TextPrompt prompt -> {
                SageMakerTextCodec codec = textCodec(model);
                codec.check(prompt);
                yield codec.response(call(model, deployment, codec.request(prompt, false)), prompt);
            }
            case TextStream stream -> {
                SageMakerTextCodec codec = textCodec(model);
                codec.check(stream.prompt());
                yield this.streaming.stream(model, deployment, codec, codec.request(stream.prompt(), true), stream);
            }
            case SegmentationInput input -> {
                if (model.family() != PayloadFamily.SAM) {
                    throw new IllegalStateException(model.id() + " is not a segmentation endpoint");
                }
                yield this.sam.response(call(model, deployment, this.sam.request(input)), input, model.id());
            }
            case ImagePrompt prompt -> throw new IllegalStateException("No SageMaker image generation family");
            case EmbeddingInput input -> throw new IllegalStateException("No SageMaker embedding family");
        };
    }

    private SageMakerTextCodec textCodec(CatalogModel model) {
        SageMakerTextCodec codec = this.text.get(model.family());
        if (codec == null) {
            throw new IllegalStateException(model.id() + ": family " + model.family() + " cannot generate text");
        }
        return codec;
    }

    private JsonNode call(CatalogModel model, Deployment deployment, Object payload) {
        InvokeEndpointRequest request = InvokeEndpointRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        byte[] body;
        try {
            body = this.clients.in(deployment.region()).invokeEndpoint(request).join().body().asByteArray();
        }
        catch (RuntimeException ex) {
            throw SageMakerErrors.translate(model.id(), ex);
        }
        try {
            return this.json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(model.id(), "the endpoint's answer was not valid JSON");
        }
    }
}
