package dev.fmgateway.text;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.web.CostViews;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.web.UsageView;
import tools.jackson.databind.JsonNode;

/** Answer of {@code POST /v1/text/generations}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Generated text with its usage and cost")
record TextGenerationResponse(
        @Schema(description = "Id of this generation", example = "gen-5b0e6a3c-3f0a-4d8e-9a51-0c9d2b7e1f42") String id,
        @Schema(description = "Catalog id of the model that answered", example = "claude-haiku-4-5") String model,
        @Schema(description = "Where the model runs", enumAsRef = true) Backend backend,
        @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
        @Schema(description = "Bedrock model or inference profile id, or SageMaker endpoint name, that was called",
                example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId,
        @Schema(description = "The generated text", example = "A foundation model is a large model trained on broad data.") String output,
        @Schema(description = "Why generation stopped") FinishReasonView finishReason,
        UsageView.Tokens usage,
        UsageView.CostView cost,
        @Schema(description = "Time the gateway spent on the call, in milliseconds", example = "412") long latencyMs,
        @ArraySchema(arraySchema = @Schema(description = "Calls to the offered tools (with `finishReason` `tool_use`); "
                + "absent when none")) @Nullable List<ChatViews.ToolCallView> toolCalls,
        @Schema(description = "The model's reasoning, when it reasoned") ChatViews.@Nullable ReasoningView reasoning,
        @Schema(description = "With `responseFormat`: the answer, validated against its schema") @Nullable JsonNode parsed,
        @ArraySchema(arraySchema = @Schema(description = "What the gateway changed in the request, e.g. cache points "
                + "dropped for a model without prompt caching; absent when nothing")) @Nullable List<String> warnings) {

    static TextGenerationResponse of(Completion<TextResult> completion, long latencyMs, @Nullable JsonNode parsed,
            List<String> warnings) {
        TextResult result = completion.result();
        List<ChatViews.ToolCallView> calls = ChatViews.ToolCallView.of(result.toolCalls());
        return new TextGenerationResponse("gen-" + UUID.randomUUID(), completion.model().id(),
                completion.deployment().backend(), completion.deployment().region(),
                completion.deployment().upstreamId(), result.output(), FinishReasonView.of(result.finishReason()),
                UsageView.Tokens.of(result.usage()), CostViews.of(completion), latencyMs,
                calls,
                ChatViews.ReasoningView.of(result.reasoning()), parsed, warnings.isEmpty() ? null : warnings);
    }
}
