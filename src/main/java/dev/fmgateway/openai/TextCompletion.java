package dev.fmgateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Answer of {@code POST /openai/v1/completions} ({@code object: text_completion}); its stream chunks have the same
 * shape with a piece of text per choice and {@code usage} only in the optional last chunk.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TextCompletion(String id, String object, long created, String model, List<Choice> choices,
        @Nullable OpenAiUsage usage) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(String text, int index, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object logprobs,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String finishReason) {
    }
}
