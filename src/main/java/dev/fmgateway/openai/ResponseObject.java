package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The Response object of {@code POST /openai/v1/responses}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ResponseObject(String id, String object, long createdAt, String status, String model, List<Object> output,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String previousResponseId, boolean store, Usage usage,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object error,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object incompleteDetails) {

    /**
     * The response as {@code response.created} announces it: nothing produced yet; {@code store} says whether it is
     * meant to be stored.
     */
    static ResponseObject inProgress(String id, long created, String model, @Nullable String previousResponseId,
            boolean store) {
        return new ResponseObject(id, "response", created, "in_progress", model, List.of(), previousResponseId, store,
                new Usage(0, new InputDetails(0), 0, new OutputDetails(0), 0), null, null);
    }

    /**
     * The finished response, not stored (yet): see {@link #stored}. With {@code signatures}, reasoning items carry
     * the model's signature as {@code encrypted_content}, for clients that send the conversation back themselves.
     */
    static ResponseObject of(String id, long created, String model, @Nullable String previousResponseId,
            TextResult result, boolean signatures) {
        List<Object> output = new ArrayList<>();
        if (result.reasoning() != null) {
            output.add(new Reasoning(ResponseIds.reasoning(id), "reasoning",
                    List.of(new Summary("summary_text", result.reasoning().text())),
                    signatures ? result.reasoning().signature() : null));
        }
        if (!result.output().isEmpty()) {
            output.add(new Message(ResponseIds.message(id), "message", "assistant", "completed",
                    List.of(new OutputText("output_text", result.output(), List.of()))));
        }
        for (int i = 0; i < result.toolCalls().size(); i++) {
            var call = result.toolCalls().get(i);
            output.add(new FunctionCall(ResponseIds.call(id, i), "function_call", call.id(), call.name(),
                    call.input().toString(), "completed"));
        }
        var tokens = result.usage();
        long input = tokens.input() + tokens.cacheRead() + tokens.cacheWrite();
        boolean cut = result.finishReason() == dev.fmgateway.invocation.FinishReason.LENGTH;
        return new ResponseObject(id, "response", created, cut ? "incomplete" : "completed", model, output,
                previousResponseId, false, new Usage(input, new InputDetails(tokens.cacheRead()), tokens.output(),
                        new OutputDetails(tokens.reasoning()), input + tokens.output()),
                null, cut ? new Incomplete("max_output_tokens") : null);
    }

    /** This response with {@code store} saying whether it was stored. */
    ResponseObject stored(boolean stored) {
        return new ResponseObject(this.id, this.object, this.createdAt, this.status, this.model, this.output,
                this.previousResponseId, stored, this.usage, this.error, this.incompleteDetails);
    }

    record Message(String id, String type, String role, String status, List<OutputText> content) {
    }

    record OutputText(String type, String text, List<Object> annotations) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FunctionCall(String id, String type, String callId, String name, String arguments, String status) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reasoning(String id, String type, List<Summary> summary,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String encryptedContent) {
    }

    record Summary(String type, String text) {
    }

    record Incomplete(String reason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(long inputTokens, InputDetails inputTokensDetails, long outputTokens, OutputDetails outputTokensDetails,
            long totalTokens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record InputDetails(long cachedTokens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OutputDetails(long reasoningTokens) {
    }
}
