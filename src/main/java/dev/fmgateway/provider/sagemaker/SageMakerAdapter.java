package dev.fmgateway.provider.sagemaker;

import java.util.LinkedHashMap;
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
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.aws.AwsClients;
import dev.fmgateway.provider.FamilyCodecs;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.LineBuffer;
import dev.fmgateway.provider.NativeStreamState;
import dev.fmgateway.provider.NativeUsage;
import dev.fmgateway.provider.ProviderAdapter;
import dev.fmgateway.aws.RegionalClients;
import dev.fmgateway.provider.TextStreamState;
import dev.fmgateway.provider.TokenCounts;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.provider.UpstreamJson;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls SageMaker endpoints (InvokeEndpoint, InvokeEndpointWithResponseStream) with the payload of the
 * endpoint's container family. The endpoint name is the deployment's upstream id, so a fine-tuned endpoint of a
 * known family is a catalog entry. It owns its SageMaker Runtime clients, one per region.
 */
@Component
class SageMakerAdapter implements ProviderAdapter, AutoCloseable {

    /** SageMaker's request option headers, by which {@link NativeCall#options()} names them. */
    private static final String CUSTOM_ATTRIBUTES = "X-Amzn-SageMaker-Custom-Attributes";

    private static final String TARGET_MODEL = "X-Amzn-SageMaker-Target-Model";

    private static final String TARGET_VARIANT = "X-Amzn-SageMaker-Target-Variant";

    private static final String TARGET_CONTAINER = "X-Amzn-SageMaker-Target-Container-Hostname";

    private static final String INFERENCE_ID = "X-Amzn-SageMaker-Inference-Id";

    private static final String INFERENCE_COMPONENT = "X-Amzn-SageMaker-Inference-Component";

    private static final String SESSION_ID = "X-Amzn-SageMaker-Session-Id";

    private final RegionalClients<SageMakerRuntimeAsyncClient> clients;

    private final JsonMapper json;

    private final SamCodec sam;

    private final SamSession samSession;

    private final FamilyCodecs<ContainerCodec> text;

    SageMakerAdapter(AwsClients aws, JsonMapper json, SamCodec sam, List<ContainerCodec> text) {
        this.clients = aws.perRegion(SageMakerRuntimeAsyncClient::builder, aws.access().sagemakerEndpoint());
        this.json = json;
        this.sam = sam;
        this.samSession = new SamSession(this.clients, json, sam);
        this.text = new FamilyCodecs<>(text, ContainerCodec::family);
    }

    @Override
    public void close() {
        this.clients.close();
    }

    @Override
    public Backend backend() {
        return Backend.SAGEMAKER;
    }

    @Override
    public boolean supports(PayloadFamily family) {
        return family == PayloadFamily.SAM || family == PayloadFamily.SAM_ONE_SHOT || this.text.speak(family);
    }

    @Override
    public InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request,
            Deadline deadline) {
        return switch (request) {
            case TextPrompt prompt -> {
                ContainerCodec codec = this.text.of(model, deployment);
                TextCodec.checkAll(codec, prompt);
                yield codec.response(call(model, deployment, deadline, codec.request(prompt, false)), TokenCounts.NONE,
                        prompt);
            }
            case TextStream stream -> {
                ContainerCodec codec = this.text.of(model, deployment);
                TextCodec.checkAll(codec, stream.prompt());
                yield stream(model, deployment, codec, stream, deadline);
            }
            case SegmentationInput input -> switch (deployment.family()) {
                case SAM -> this.samSession.segment(model, deployment, input, deadline);
                case SAM_ONE_SHOT -> this.sam.oneShotResponse(call(model, deployment, deadline, this.sam.oneShot(input)),
                        input, model.id());
                default -> throw new IllegalStateException(model.id() + " is not a segmentation endpoint");
            };
            case NativeCall call when call.sink() != null -> nativeStream(model, deployment, call, deadline);
            case NativeCall call -> nativeCall(model, deployment, call, deadline);
            case ImagePrompt prompt -> throw new IllegalStateException("No SageMaker image generation family");
            case EmbeddingInput input -> throw new IllegalStateException("No SageMaker embedding family");
        };
    }

    /** The caller's own body, forwarded unchanged to the endpoint with the request options the caller set. */
    private NativeResult nativeCall(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        Map<String, String> options = call.options();
        InvokeEndpointRequest request = InvokeEndpointRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType(call.contentType())
            .accept(call.accept())
            .body(SdkBytes.fromByteArray(call.body()))
            .customAttributes(options.get(CUSTOM_ATTRIBUTES))
            .targetModel(options.get(TARGET_MODEL))
            .targetVariant(options.get(TARGET_VARIANT))
            .targetContainerHostname(options.get(TARGET_CONTAINER))
            .inferenceId(options.get(INFERENCE_ID))
            .inferenceComponentName(options.get(INFERENCE_COMPONENT))
            .sessionId(options.get(SESSION_ID))
            .build();
        InvokeEndpointResponse response = Upstream.await(this.clients.in(deployment.region()).invokeEndpoint(request),
                deadline, model.id(), SageMakerErrors::translate);
        byte[] body = response.body().asByteArray();
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.customAttributes() != null) {
            headers.put(CUSTOM_ATTRIBUTES, response.customAttributes());
        }
        if (response.invokedProductionVariant() != null) {
            headers.put("X-Amzn-Invoked-Production-Variant", response.invokedProductionVariant());
        }
        ContainerCodec codec = this.text.speak(deployment.family()) ? this.text.of(model, deployment) : null;
        return new NativeResult(body, response.contentType() != null ? response.contentType() : call.accept(),
                headers, NativeUsage.of(TokenCounts.NONE, call.body(), body, codec, this.json));
    }

    /** InvokeEndpointWithResponseStream with the caller's own body: raw container bytes go to the caller as they come. */
    private NativeResult nativeStream(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        Map<String, String> options = call.options();
        InvokeEndpointWithResponseStreamRequest request = InvokeEndpointWithResponseStreamRequest.builder()
            .endpointName(deployment.upstreamId())
            .contentType(call.contentType())
            .accept(call.accept())
            .body(SdkBytes.fromByteArray(call.body()))
            .customAttributes(options.get(CUSTOM_ATTRIBUTES))
            .targetVariant(options.get(TARGET_VARIANT))
            .targetContainerHostname(options.get(TARGET_CONTAINER))
            .inferenceId(options.get(INFERENCE_ID))
            .inferenceComponentName(options.get(INFERENCE_COMPONENT))
            .sessionId(options.get(SESSION_ID))
            .build();
        ContainerCodec codec = this.text.speak(deployment.family()) ? this.text.of(model, deployment) : null;
        NativeStreamState state = new NativeStreamState(model, deployment, call, codec, true, call.accept());
        return state.read(parts -> this.clients.in(deployment.region())
            .invokeEndpointWithResponseStream(request, InvokeEndpointWithResponseStreamResponseHandler.builder()
                .onEventStream(events -> events.filter(PayloadPart.class)
                    .map(part -> part.bytes().asByteArray())
                    .subscribe(parts))
                .build()), deadline, SageMakerErrors::translate);
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

    /**
     * InvokeEndpointWithResponseStream: raw container bytes arrive in PayloadParts that may split a line; each
     * complete line is one message of the container's stream, decoded and sent to the client at once.
     */
    private TextResult stream(CatalogModel model, Deployment deployment, ContainerCodec codec, TextStream stream,
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
