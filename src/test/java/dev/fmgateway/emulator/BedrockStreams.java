package dev.fmgateway.emulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import tools.jackson.databind.JsonNode;

/** Consumes InvokeModelWithResponseStream with the SDK's visitor and keeps the decoded chunks. */
final class BedrockStreams {

    record Received(JsonNode event, long nanos) {
    }

    static final class Result {
        final List<Received> chunks = new CopyOnWriteArrayList<>();
        final AtomicReference<InvokeModelWithResponseStreamResponse> response = new AtomicReference<>();
        CompletableFuture<Void> done;

        List<JsonNode> events() {
            return chunks.stream().map(Received::event).toList();
        }

        JsonNode last() {
            return chunks.getLast().event();
        }
    }

    private BedrockStreams() {
    }

    static Result start(String modelId, String json) {
        return start(TestEmulator.BEDROCK, modelId, json);
    }

    static Result start(software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient client, String modelId,
            String json) {
        Result result = new Result();
        var handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .onResponse(result.response::set)
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(chunk -> result.chunks.add(new Received(
                                Json.MAPPER.readTree(chunk.bytes().asUtf8String()), System.nanoTime())))
                        .build())
                .build();
        result.done = client.invokeModelWithResponseStream(
                r -> r.modelId(modelId).contentType("application/json").accept("application/json")
                        .body(SdkBytes.fromUtf8String(json)), handler);
        return result;
    }

    static Result consume(String modelId, String json) {
        Result result = start(modelId, json);
        TestEmulator.get(result.done);
        return result;
    }
}
