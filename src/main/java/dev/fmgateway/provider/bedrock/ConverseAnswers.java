package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.ToolCall;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** A Converse answer read into a result: every text, tool-use and reasoning block, the stop reason, the usage. */
final class ConverseAnswers {

    private ConverseAnswers() {
    }

    static TextResult result(ConverseResponse response, String modelId) {
        if (response.output() == null || response.output().message() == null || response.usage() == null) {
            throw new UpstreamErrorException(modelId, "the Converse answer had no message or no usage");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        String signature = null;
        List<ToolCall> calls = new ArrayList<>();
        for (ContentBlock block : response.output().message().content()) {
            if (block.text() != null) {
                text.append(block.text());
            }
            else if (block.toolUse() != null) {
                calls.add(new ToolCall(block.toolUse().toolUseId(), block.toolUse().name(),
                        Documents.json(block.toolUse().input())));
            }
            else if (block.reasoningContent() != null && block.reasoningContent().reasoningText() != null) {
                ReasoningTextBlock thought = block.reasoningContent().reasoningText();
                reasoning.append(thought.text());
                signature = thought.signature() != null ? thought.signature() : signature;
            }
        }
        ContentPart.Reasoning thought = reasoning.isEmpty() && signature == null ? null
                : new ContentPart.Reasoning(reasoning.toString(), signature);
        return new TextResult(text.toString(), finishReason(response.stopReason()),
                usage(response.usage(), thought), calls, thought);
    }

    static FinishReason finishReason(@Nullable StopReason reason) {
        if (reason == null) {
            return FinishReason.STOP;
        }
        return switch (reason) {
            case TOOL_USE -> FinishReason.TOOL_USE;
            case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> FinishReason.LENGTH;
            case STOP_SEQUENCE -> FinishReason.STOP_SEQUENCE;
            case GUARDRAIL_INTERVENED, CONTENT_FILTERED -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    /**
     * Converse's {@code inputTokens} are the input neither read from nor written to the cache. Bedrock does not
     * count reasoning apart: it is billed within the output, and its share is estimated from its text.
     */
    static Usage.Tokens usage(TokenUsage usage, ContentPart.@Nullable Reasoning reasoning) {
        long output = orZero(usage.outputTokens());
        long thinking = reasoning != null ? Math.min(output, Usage.Tokens.estimate(reasoning.text())) : 0;
        return new Usage.Tokens(orZero(usage.inputTokens()), output, false, orZero(usage.cacheReadInputTokens()),
                orZero(usage.cacheWriteInputTokens()), thinking);
    }

    private static long orZero(@Nullable Integer count) {
        return count != null ? count : 0;
    }
}
