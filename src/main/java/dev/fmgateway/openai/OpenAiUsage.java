package dev.fmgateway.openai;

import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * OpenAI's {@code usage} member: what the calls were billed by (summed over choices, each being one call).
 * {@code prompt_tokens} counts cached prompt tokens too, as OpenAI's does, with those read from the cache in
 * {@code prompt_tokens_details.cached_tokens}; reasoning is part of {@code completion_tokens}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record OpenAiUsage(long promptTokens, long completionTokens, long totalTokens, PromptDetails promptTokensDetails,
        CompletionDetails completionTokensDetails) {

    static final OpenAiUsage NONE = new OpenAiUsage(0, 0, 0, new PromptDetails(0), new CompletionDetails(0));

    static OpenAiUsage of(Usage.Tokens tokens) {
        long prompt = tokens.input() + tokens.cacheRead() + tokens.cacheWrite();
        return new OpenAiUsage(prompt, tokens.output(), prompt + tokens.output(), new PromptDetails(tokens.cacheRead()),
                new CompletionDetails(tokens.reasoning()));
    }

    OpenAiUsage plus(OpenAiUsage other) {
        return new OpenAiUsage(this.promptTokens + other.promptTokens, this.completionTokens + other.completionTokens,
                this.totalTokens + other.totalTokens,
                new PromptDetails(this.promptTokensDetails.cachedTokens() + other.promptTokensDetails.cachedTokens()),
                new CompletionDetails(this.completionTokensDetails.reasoningTokens()
                        + other.completionTokensDetails.reasoningTokens()));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PromptDetails(long cachedTokens) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CompletionDetails(long reasoningTokens) {
    }
}
