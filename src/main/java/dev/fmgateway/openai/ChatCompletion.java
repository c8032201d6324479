package dev.fmgateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code POST /openai/v1/chat/completions}, and the chunks of its stream. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, OpenAiUsage usage) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, AssistantMessage message, String finishReason,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object logprobs) {
    }

    record AssistantMessage(String role, String content,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String refusal) {
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

    record Delta(@Nullable String role, @Nullable String content) {
    }
}
