package dev.fmgateway.provider.bedrock;

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
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TokenCounts;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bedrock's InvokeModel (and InvokeModelWithResponseStream) with the family-native body. The caller's
 * virtual thread waits on the non-blocking SDK client, so no platform thread is held per in-flight call.
 */
@Component
class BedrockAdapter implements ProviderAdapter {

    private final RegionalClients<BedrockRuntimeAsyncClient> clients;

    private final JsonMapper json;

    private final BedrockStreaming streaming;

    private final Map<PayloadFamily, TextCodec> text = new EnumMap<>(PayloadFamily.class);

    private final Map<PayloadFamily, EmbeddingCodec> embedding = new EnumMap<>(PayloadFamily.class);

    private final Map<PayloadFamily, ImageCodec> image = new EnumMap<>(PayloadFamily.class);

    BedrockAdapter(RegionalClients<BedrockRuntimeAsyncClient> clients, JsonMapper json, BedrockStreaming streaming,
            List<BedrockTextCodec> text, List<EmbeddingCodec> embedding, List<ImageCodec> image) {
        this.clients = clients;
        this.json = json;
        this.streaming = streaming;
        text.forEach(codec -> this.text.put(codec.family(), codec));
        embedding.forEach(codec -> this.embedding.put(codec.family(), codec));
        image.forEach(codec -> this.image.put(codec.family(), codec));
    }

    @Override
    public Backend backend() {
        return Backend.BEDROCK;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return this.text.containsKey(family) || this.embedding.containsKey(family) || this.image.containsKey(family);
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request,
            Deadline deadline) {
        return switch (request) {
            case TextPrompt prompt -> {
                TextCodec codec = codec(this.text, deployment, model);
                codec.check(prompt);
                InvokeModelResponse response = call(model, deployment, deadline, codec.request(prompt, false));
                yield codec.response(parse(model, response), TokenCounts.from(response.sdkHttpResponse()), prompt);
            }
            case TextStream stream -> {
                TextCodec codec = codec(this.text, deployment, model);
                codec.check(stream.prompt());
                yield this.streaming.stream(model, deployment, codec, stream, deadline);
            }
            case EmbeddingInput input -> {
                EmbeddingCodec codec = codec(this.embedding, deployment, model);
                InvokeModelResponse response = call(model, deployment, deadline, codec.request(input));
                yield codec.response(parse(model, response), TokenCounts.from(response.sdkHttpResponse()), input);
            }
            case ImagePrompt prompt -> {
                ImageCodec codec = codec(this.image, deployment, model);
                codec.check(prompt);
                yield codec.response(parse(model, call(model, deployment, deadline, codec.request(prompt))), prompt, model.id());
            }
            case SegmentationInput input -> throw new IllegalStateException("Bedrock serves no segmentation models");
        };
    }

    private static <C> C codec(Map<PayloadFamily, C> codecs, Deployment deployment, CatalogModel model) {
        C codec = codecs.get(deployment.family());
        if (codec == null) {
            throw new IllegalStateException(model.id() + ": family " + deployment.family() + " cannot serve this request");
        }
        return codec;
    }

    private InvokeModelResponse call(CatalogModel model, Deployment deployment, Deadline deadline, Object payload) {
        InvokeModelRequest request = InvokeModelRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        return Upstream.await(this.clients.in(deployment.region()).invokeModel(request), deadline, model.id(),
                BedrockErrors::translate);
    }

    private JsonNode parse(CatalogModel model, InvokeModelResponse response) {
        return UpstreamJson.read(this.json, response.body().asByteArray(), model.id());
    }
}
