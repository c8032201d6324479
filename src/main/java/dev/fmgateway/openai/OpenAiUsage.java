package dev.fmgateway.openai;

import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** OpenAI's {@code usage} member: what the calls were billed by (summed over choices, each being one call). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record OpenAiUsage(long promptTokens, long completionTokens, long totalTokens) {

    static OpenAiUsage of(Usage.Tokens tokens) {
        return new OpenAiUsage(tokens.input(), tokens.output(), tokens.input() + tokens.output());
    }

    OpenAiUsage plus(OpenAiUsage other) {
        return new OpenAiUsage(this.promptTokens + other.promptTokens, this.completionTokens + other.completionTokens,
                this.totalTokens + other.totalTokens);
    }

    static final OpenAiUsage NONE = new OpenAiUsage(0, 0, 0);
}
