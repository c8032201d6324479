package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Generated text, why it ended and the tokens it took; the tool calls the model made and its reasoning, if any.
 *
 * @param output the text (empty when the model only called tools)
 * @param finishReason why it stopped ({@link FinishReason#TOOL_USE} when it waits for tool results)
 * @param usage tokens, with the cache and reasoning buckets
 * @param toolCalls calls to offered tools, in order
 * @param reasoning the model's reasoning with its signature, to be passed back unchanged on the next turn
 */
public record TextResult(String output, FinishReason finishReason, Usage.Tokens usage, List<ToolCall> toolCalls,
        ContentPart.@Nullable Reasoning reasoning) implements InferenceResult {

    public TextResult {
        toolCalls = List.copyOf(toolCalls);
    }

    public TextResult(String output, FinishReason finishReason, Usage.Tokens usage) {
        this(output, finishReason, usage, List.of(), null);
    }
}
