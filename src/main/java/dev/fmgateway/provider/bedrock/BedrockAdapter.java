package dev.fmgateway.provider.bedrock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.catalog.UpstreamApi;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.InferenceResult;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.provider.NativeStreamState;
import dev.fmgateway.provider.NativeUsage;
import dev.fmgateway.provider.PromptText;
import dev.fmgateway.aws.AwsClients;
import dev.fmgateway.provider.FamilyCodecs;
import dev.fmgateway.provider.ProviderAdapter;
import dev.fmgateway.aws.RegionalClients;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TextStreamState;
import dev.fmgateway.provider.TokenCounts;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bedrock's Converse (and ConverseStream) for deployments whose catalog entry says {@code api: converse},
 * else InvokeModel (and InvokeModelWithResponseStream) with the family-native body. The caller's
 * virtual thread waits on the non-blocking SDK client, so no platform thread is held per in-flight call. It owns
 * its Bedrock Runtime clients, one per region.
 */
@Component
class BedrockAdapter implements ProviderAdapter, AutoCloseable {

    /** Bedrock's request option headers, by which {@link NativeCall#options()} names them. */
    private static final String TRACE = "X-Amzn-Bedrock-Trace";

    private static final String GUARDRAIL = "X-Amzn-Bedrock-GuardrailIdentifier";

    private static final String GUARDRAIL_VERSION = "X-Amzn-Bedrock-GuardrailVersion";

    private static final String LATENCY = "X-Amzn-Bedrock-PerformanceConfig-Latency";

    private static final String SERVICE_TIER = "X-Amzn-Bedrock-Service-Tier";

    private static final String REQUEST_METADATA = "X-Amzn-Bedrock-Request-Metadata";

    private final RegionalClients<BedrockRuntimeAsyncClient> clients;

    private final JsonMapper json;

    private final FamilyCodecs<TextCodec> text;

    private final FamilyCodecs<EmbeddingCodec> embedding;

    private final FamilyCodecs<ImageCodec> image;

    private final BedrockConverse converse;

    BedrockAdapter(AwsClients aws, JsonMapper json, List<BedrockTextCodec> text, List<EmbeddingCodec> embedding,
            List<ImageCodec> image) {
        this.clients = aws.perRegion(BedrockRuntimeAsyncClient::builder, aws.access().bedrockEndpoint());
        this.json = json;
        this.text = new FamilyCodecs<>(text, TextCodec::family);
        this.embedding = new FamilyCodecs<>(embedding, EmbeddingCodec::family);
        this.image = new FamilyCodecs<>(image, ImageCodec::family);
        this.converse = new BedrockConverse(aws, json);
    }

    @Override
    public void close() {
        this.clients.close();
    }

    @Override
    public Backend backend() {
        return Backend.BEDROCK;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return this.text.speak(family) || this.embedding.speak(family) || this.image.speak(family)
                || family.converseOnly();
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request,
            Deadline deadline) {
        return switch (request) {
            case TextPrompt prompt when deployment.api() == UpstreamApi.CONVERSE -> converse(model, deployment, prompt,
                    deadline);
            case TextStream stream when deployment.api() == UpstreamApi.CONVERSE -> converseStream(model, deployment,
                    stream, deadline);
            case TextPrompt prompt -> {
                TextCodec codec = this.text.of(model, deployment);
                TextCodec.checkAll(codec, prompt);
                InvokeModelResponse response = call(model, deployment, deadline, codec.request(prompt, false));
                yield codec.response(parse(model, response), TokenCounts.from(response.sdkHttpResponse()), prompt);
            }
            case TextStream stream -> {
                TextCodec codec = this.text.of(model, deployment);
                TextCodec.checkAll(codec, stream.prompt());
                yield stream(model, deployment, codec, stream, deadline);
            }
            case EmbeddingInput input -> {
                EmbeddingCodec codec = this.embedding.of(model, deployment);
                InvokeModelResponse response = call(model, deployment, deadline, codec.request(input));
                yield codec.response(parse(model, response), TokenCounts.from(response.sdkHttpResponse()), input,
                        model.id());
            }
            case ImagePrompt prompt -> {
                ImageCodec codec = this.image.of(model, deployment);
                codec.check(prompt);
                yield codec.response(parse(model, call(model, deployment, deadline, codec.request(prompt))), prompt, model.id());
            }
            case NativeCall call when call.converse() && call.sink() != null ->
                this.converse.converseStream(model, deployment, call, deadline);
            case NativeCall call when call.converse() -> this.converse.converse(model, deployment, call, deadline);
            case NativeCall call when call.sink() != null -> nativeStream(model, deployment, call, deadline);
            case NativeCall call -> nativeCall(model, deployment, call, deadline);
            case SegmentationInput input -> throw new IllegalStateException("Bedrock serves no segmentation models");
        };
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

    /**
     * InvokeModelWithResponseStream: each chunk is one message of the family's stream, decoded and sent to the
     * client as it arrives; the result comes once Bedrock ends the stream. A client that leaves cancels it.
     */
    private TextResult stream(CatalogModel model, Deployment deployment, TextCodec codec, TextStream stream,
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

    /** The caller's own body, forwarded unchanged with the request options the caller set. */
    private NativeResult nativeCall(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        Map<String, String> options = call.options();
        InvokeModelRequest request = InvokeModelRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType(call.contentType())
            .accept(call.accept())
            .body(SdkBytes.fromByteArray(call.body()))
            .trace(options.get(TRACE))
            .guardrailIdentifier(options.get(GUARDRAIL))
            .guardrailVersion(options.get(GUARDRAIL_VERSION))
            .performanceConfigLatency(options.get(LATENCY))
            .serviceTier(options.get(SERVICE_TIER))
            .requestMetadata(options.get(REQUEST_METADATA))
            .build();
        InvokeModelResponse response = Upstream.await(this.clients.in(deployment.region()).invokeModel(request),
                deadline, model.id(), BedrockErrors::translate);
        byte[] body = response.body().asByteArray();
        Map<String, String> headers = new LinkedHashMap<>();
        response.sdkHttpResponse().firstMatchingHeader(LATENCY).ifPresent(value -> headers.put(LATENCY, value));
        response.sdkHttpResponse().firstMatchingHeader(SERVICE_TIER).ifPresent(value -> headers.put(SERVICE_TIER, value));
        TextCodec codec = this.text.speak(deployment.family()) ? this.text.of(model, deployment) : null;
        return new NativeResult(body, response.contentType() != null ? response.contentType() : call.accept(),
                headers, NativeUsage.of(TokenCounts.from(response.sdkHttpResponse()), call.body(), body, codec,
                        this.json));
    }

    /** InvokeModelWithResponseStream with the caller's own body: each chunk's bytes go to the caller as they come. */
    private NativeResult nativeStream(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        Map<String, String> options = call.options();
        InvokeModelWithResponseStreamRequest request = InvokeModelWithResponseStreamRequest.builder()
            .modelId(deployment.upstreamId())
            .contentType(call.contentType())
            .accept(call.accept())
            .body(SdkBytes.fromByteArray(call.body()))
            .trace(options.get(TRACE))
            .guardrailIdentifier(options.get(GUARDRAIL))
            .guardrailVersion(options.get(GUARDRAIL_VERSION))
            .performanceConfigLatency(options.get(LATENCY))
            .serviceTier(options.get(SERVICE_TIER))
            .requestMetadata(options.get(REQUEST_METADATA))
            .build();
        TextCodec codec = this.text.speak(deployment.family()) ? this.text.of(model, deployment) : null;
        NativeStreamState state = new NativeStreamState(model, deployment, call, codec, false, call.accept());
        return state.read(parts -> this.clients.in(deployment.region())
            .invokeModelWithResponseStream(request, InvokeModelWithResponseStreamResponseHandler.builder()
                .onEventStream(events -> events.filter(PayloadPart.class)
                    .map(part -> part.bytes().asByteArray())
                    .subscribe(parts))
                .build()), deadline, BedrockErrors::translate);
    }

    /** Converse: the typed chat request, whatever the model's family. */
    private TextResult converse(CatalogModel model, Deployment deployment, TextPrompt prompt, Deadline deadline) {
        ConverseBodies bodies = ConverseBodies.of(prompt, deployment.family());
        ConverseRequest request = ConverseRequest.builder()
            .modelId(deployment.upstreamId())
            .messages(bodies.messages())
            .system(bodies.system().isEmpty() ? null : bodies.system())
            .inferenceConfig(bodies.inference())
            .toolConfig(bodies.tools())
            .additionalModelRequestFields(bodies.additionalFields())
            .guardrailConfig(ConverseGuardrails.of(prompt.guardrail()))
            .build();
        // Signed and sent by the gateway rather than through the SDK client's request pipeline, which cost more
        // CPU than the rest of the call's upstream work (docs/benchmark.md, "Alternatives"). Same JSON, same signer.
        byte[] answer = this.converse.exchange(model, deployment, this.json.writeValueAsBytes(ConverseJson.write(request)),
                deadline);
        ConverseResponse response = ConverseJson.read(UpstreamJson.read(this.json, answer, model.id()),
                ConverseResponse.builder());
        return ConverseAnswers.result(response, model.id());
    }

    /** ConverseStream: its typed events are read on this thread as they arrive; a client that leaves cancels it. */
    private TextResult converseStream(CatalogModel model, Deployment deployment, TextStream stream,
            Deadline deadline) {
        ConverseBodies bodies = ConverseBodies.of(stream.prompt(), deployment.family());
        ConverseStreamRequest request = ConverseStreamRequest.builder()
            .modelId(deployment.upstreamId())
            .messages(bodies.messages())
            .system(bodies.system().isEmpty() ? null : bodies.system())
            .inferenceConfig(bodies.inference())
            .toolConfig(bodies.tools())
            .additionalModelRequestFields(bodies.additionalFields())
            .guardrailConfig(ConverseGuardrails.ofStream(stream.prompt().guardrail()))
            .build();
        ConverseStreamReader reader = new ConverseStreamReader(model, deployment, stream, this.json);
        return reader.read(events -> this.clients.in(deployment.region())
            .converseStream(request, ConverseStreamResponseHandler.builder()
                .onEventStream(publisher -> publisher.subscribe(events))
                .build()), deadline);
    }

    private JsonNode parse(CatalogModel model, InvokeModelResponse response) {
        return UpstreamJson.read(this.json, response.body().asByteArray(), model.id());
    }
}
