package dev.fmgateway.provider.sagemaker;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fmgateway.aws.RegionalClients;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.EventConsumer;
import dev.fmgateway.provider.Upstream;
import dev.fmgateway.problem.UpstreamErrorException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.PayloadPart;
import software.amazon.awssdk.services.sagemakerruntime.model.ResponseStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One segmentation in a session of the SAM 2.1 JumpStart container (reference §7.3): {@code start_session} through
 * InvokeEndpoint with {@code NEW_SESSION}, each prompt through InvokeEndpointWithResponseStream in the session, and
 * {@code close_session} — sent whatever happened after the session opened (an upstream error, a bad answer, the
 * deadline), without waiting for its answer, so a failing or late call is not held up by it.
 */
class SamSession {

    private static final Logger LOG = LoggerFactory.getLogger(SamSession.class);

    private static final String NEW_SESSION = "NEW_SESSION";

    private final RegionalClients<SageMakerRuntimeAsyncClient> clients;

    private final JsonMapper json;

    private final SamCodec codec;

    SamSession(RegionalClients<SageMakerRuntimeAsyncClient> clients, JsonMapper json, SamCodec codec) {
        this.clients = clients;
        this.json = json;
        this.codec = codec;
    }

    SegmentationResult segment(CatalogModel model, Deployment deployment, SegmentationInput input, Deadline deadline) {
        SageMakerRuntimeAsyncClient client = this.clients.in(deployment.region());
        String session = start(client, model, deployment, input, deadline);
        try {
            List<SegmentationResult.Mask> masks = new ArrayList<>();
            for (SamCodec.Prompt prompt : this.codec.prompts(input, session)) {
                List<JsonNode> records = prompt(client, model, deployment, session, prompt.body(), input, deadline);
                masks.addAll(this.codec.objectMasks(records, prompt.objectId(), input, model.id()));
            }
            return new SegmentationResult(input.width(), input.height(), masks, new Usage.Requests(1));
        }
        finally {
            close(client, model, deployment, session);
        }
    }

    private String start(SageMakerRuntimeAsyncClient client, CatalogModel model, Deployment deployment,
            SegmentationInput input, Deadline deadline) {
        InvokeEndpointRequest request = InvokeEndpointRequest.builder()
            .endpointName(deployment.upstreamId())
            .sessionId(NEW_SESSION)
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(this.codec.start(input))))
            .build();
        String opened = Upstream.await(client.invokeEndpoint(request), deadline, model.id(), SageMakerErrors::translate)
            .newSessionId();
        String id = opened == null ? "" : opened.split(";", 2)[0].strip();
        if (id.isEmpty()) {
            throw new UpstreamErrorException(model.id(), "the endpoint opened no session (no X-Amzn-SageMaker-New-Session-Id)");
        }
        return id;
    }

    /** The records of a prompt's streamed answer: JSON objects, back to back, split anywhere across parts. */
    private List<JsonNode> prompt(SageMakerRuntimeAsyncClient client, CatalogModel model, Deployment deployment,
            String session, Object body, SegmentationInput input, Deadline deadline) {
        InvokeEndpointWithResponseStreamRequest request = InvokeEndpointWithResponseStreamRequest.builder()
            .endpointName(deployment.upstreamId())
            .sessionId(session)
            .contentType("application/json")
            .accept("application/jsonlines")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(body)))
            .build();
        long limit = maxAnswerBytes(input);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        EventConsumer<ResponseStream> events = new EventConsumer<>();
        CompletableFuture<Void> call = client.invokeEndpointWithResponseStream(request,
                InvokeEndpointWithResponseStreamResponseHandler.builder()
                    .onEventStream(publisher -> publisher.subscribe(events))
                    .build());
        events.track(call);
        try {
            events.drain(event -> {
                if (event instanceof PayloadPart part) {
                    if (answer.size() + part.bytes().asByteArrayUnsafe().length > limit) {
                        throw new UpstreamErrorException(model.id(), "a prompt's answer exceeds " + limit + " bytes");
                    }
                    answer.writeBytes(part.bytes().asByteArrayUnsafe());
                }
            }, deadline, model.id());
        }
        catch (RuntimeException ex) {
            call.cancel(true);
            throw SageMakerErrors.translate(model.id(), ex);
        }
        return records(answer.toByteArray(), model.id());
    }

    /** At most two bytes per mask pixel (compressed masks are far smaller), plus 1 MiB. */
    private static long maxAnswerBytes(SegmentationInput input) {
        return 2L * input.width() * input.height() * input.maxMasks() + (1 << 20);
    }

    private List<JsonNode> records(byte[] answer, String modelId) {
        List<JsonNode> records = new ArrayList<>();
        try (var values = this.json.readerFor(JsonNode.class).<JsonNode>readValues(answer)) {
            values.forEachRemaining(records::add);
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(modelId, "a prompt's answer was not JSON records");
        }
        return records;
    }

    private void close(SageMakerRuntimeAsyncClient client, CatalogModel model, Deployment deployment, String session) {
        InvokeEndpointRequest request = InvokeEndpointRequest.builder()
            .endpointName(deployment.upstreamId())
            .sessionId(session)
            .contentType("application/json")
            .accept("application/json")
            .body(SdkBytes.fromByteArray(this.json.writeValueAsBytes(this.codec.close(session))))
            .build();
        client.invokeEndpoint(request).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("{}: closing session {} of {} failed: {}", model.id(), session, deployment.key(),
                        failure.toString());
            }
        });
    }
}
