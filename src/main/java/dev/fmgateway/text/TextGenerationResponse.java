package dev.fmgateway.text;

import java.math.BigDecimal;
import java.util.UUID;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextResult;

/** Answer of {@code POST /v1/text/generations}. */
record TextGenerationResponse(String id, String model, Backend backend, String region, String upstreamId,
        String output, FinishReason finishReason, TokenUsage usage, CostView cost, long latencyMs) {

    static TextGenerationResponse of(Completion completion, long latencyMs) {
        TextResult result = (TextResult) completion.result();
        Cost cost = completion.costOrZero();
        return new TextGenerationResponse("gen-" + UUID.randomUUID(), completion.model().id(),
                completion.deployment().backend(), completion.deployment().region(),
                completion.deployment().upstreamId(), result.output(), result.finishReason(),
                new TokenUsage(result.usage().input(), result.usage().output(), result.usage().estimated()),
                new CostView(cost.usd(), cost.estimated()), latencyMs);
    }

    record TokenUsage(long inputTokens, long outputTokens, boolean estimated) {
    }

    record CostView(BigDecimal usd, boolean estimated) {
    }
}
