package dev.fmgateway.provider.bedrock;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.InferenceResult;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.provider.ProviderAdapter;
import dev.fmgateway.provider.UpstreamErrorException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bedrock's InvokeModel with the family-native body. The caller's thread (a virtual thread) waits on
 * the non-blocking SDK client, so no platform thread is held per in-flight call.
 */
@Component
class BedrockAdapter implements ProviderAdapter {

    private final BedrockClients clients;

    private final JsonMapper json;

    private final Map<PayloadFamily, TextCodec> textCodecs = new EnumMap<>(PayloadFamily.class);

    BedrockAdapter(BedrockClients clients, JsonMapper json, List<TextCodec> textCodecs) {
        this.clients = clients;
        this.json = json;
        textCodecs.forEach(codec -> this.textCodecs.put(codec.family(), codec));
    }

    @Override
    public Backend backend() {
        return Backend.BEDROCK;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return this.textCodecs.containsKey(family);
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request) {
        return switch (request) {
            case TextPrompt prompt -> text(model, deployment, prompt);
        };
    }

    private InferenceResult text(CatalogModel model, Deployment deployment, TextPrompt prompt) {
        TextCodec codec = this.textCodecs.get(model.family());
        InvokeModelResponse response = call(model, deployment, codec.request(prompt));
        return codec.response(parse(model, response), TokenCounts.from(response.sdkHttpResponse()), prompt);
    }

    private InvokeModelResponse call(CatalogModel model, Deployment deployment, Object payload) {
        InvokeModelRequest request = InvokeModelRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(payload)))
            .build();
        try {
            return this.clients.in(deployment.region()).invokeModel(request).join();
        }
        catch (RuntimeException ex) {
            throw BedrockErrors.translate(model.id(), ex);
        }
    }

    private JsonNode parse(CatalogModel model, InvokeModelResponse response) {
        try {
            return this.json.readTree(response.body().asByteArray());
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(model.id(), "the model's answer was not valid JSON");
        }
    }
}
