package dev.fmgateway.text;

import java.util.UUID;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.CostViews;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.UsageView;

/** Answer of {@code POST /v1/text/generations}. */
record TextGenerationResponse(String id, String model, Backend backend, String region, String upstreamId,
        String output, FinishReason finishReason, UsageView.Tokens usage, UsageView.CostView cost, long latencyMs) {

    static TextGenerationResponse of(Completion completion, long latencyMs) {
        TextResult result = (TextResult) completion.result();
        return new TextGenerationResponse("gen-" + UUID.randomUUID(), completion.model().id(),
                completion.deployment().backend(), completion.deployment().region(),
                completion.deployment().upstreamId(), result.output(), result.finishReason(),
                UsageView.Tokens.of(result.usage()), CostViews.of(completion), latencyMs);
    }
}
