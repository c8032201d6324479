package dev.fmgateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code POST /openai/v1/chat/completions}, and the chunks of its stream. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, OpenAiUsage usage) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, AssistantMessage message, String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object logprobs) {
    }

    /** {@code content} is null when the model only called tools. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AssistantMessage(String role, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String refusal, @Nullable List<ToolCallView> toolCalls) {

        static AssistantMessage of(TextResult result) {
            List<ToolCallView> calls = result.toolCalls()
                .stream()
                .map(call -> new ToolCallView(call.id(), "function", new FunctionCall(call.name(), call.input().toString())))
                .toList();
            return new AssistantMessage("assistant", result.output().isEmpty() && !calls.isEmpty() ? null : result.output(),
                    null, calls.isEmpty() ? null : calls);
        }
    }

    /** A tool call: the function's arguments are JSON text. */
    record ToolCallView(String id, String type, FunctionCall function) {
    }

    record FunctionCall(String name, String arguments) {
    }

    /** A piece of a tool call in a stream: the first carries id, type and name, the next ones arguments only. */
    record ToolCallDelta(int index, @Nullable String id, @Nullable String type, FunctionDelta function) {
    }

    record FunctionDelta(@Nullable String name, @Nullable String arguments) {
    }

    /** One {@code data:} line of a stream ({@code object: chat.completion.chunk}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
            @Nullable OpenAiUsage usage) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChunkChoice(int index, Delta delta,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String finishReason) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Delta(@Nullable String role, @Nullable String content, @Nullable List<ToolCallDelta> toolCalls) {

        Delta(@Nullable String role, @Nullable String content) {
            this(role, content, null);
        }
    }
}
