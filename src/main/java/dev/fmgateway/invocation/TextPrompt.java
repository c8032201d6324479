package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Guardrail;

/**
 * A text generation request: either a raw {@code prompt} sent as the model's prompt, or {@code messages} that
 * the model family's codec renders in its own conversation format.
 *
 * @param prompt raw prompt, or null when {@code messages} are given
 * @param messages conversation turns, empty when {@code prompt} is given
 * @param system system instructions, if any
 * @param maxTokens output token limit (already defaulted and checked against the model's limits)
 * @param temperature sampling temperature, if set
 * @param topP nucleus sampling, if set
 * @param stopSequences sequences that end the output
 * @param tools functions the model may call (empty: none offered)
 * @param toolChoice whether and which tool it must call, if the caller said
 * @param responseFormat the JSON Schema the answer must validate against, if any
 * @param reasoningBudget tokens the model may spend reasoning before it answers, if reasoning is asked for
 * @param guardrail the Bedrock guardrail the call goes through (the caller's key's, else the model's), if any; set by
 *        {@link ModelInvoker}
 */
public record TextPrompt(@Nullable String prompt, List<ChatMessage> messages, @Nullable String system, int maxTokens,
        @Nullable Double temperature, @Nullable Double topP, List<String> stopSequences, List<Tool> tools,
        @Nullable ToolChoice toolChoice, @Nullable ResponseFormat responseFormat,
        @Nullable Integer reasoningBudget, @Nullable Guardrail guardrail) implements InferenceRequest<TextResult> {

    public TextPrompt {
        messages = List.copyOf(messages);
        stopSequences = List.copyOf(stopSequences);
        tools = List.copyOf(tools);
    }

    /** A prompt without a guardrail (the invoker adds the one that applies). */
    public TextPrompt(@Nullable String prompt, List<ChatMessage> messages, @Nullable String system, int maxTokens,
            @Nullable Double temperature, @Nullable Double topP, List<String> stopSequences, List<Tool> tools,
            @Nullable ToolChoice toolChoice, @Nullable ResponseFormat responseFormat, @Nullable Integer reasoningBudget) {
        this(prompt, messages, system, maxTokens, temperature, topP, stopSequences, tools, toolChoice, responseFormat,
                reasoningBudget, null);
    }

    /** A plain text prompt: no tools, no response format, no reasoning. */
    public TextPrompt(@Nullable String prompt, List<ChatMessage> messages, @Nullable String system, int maxTokens,
            @Nullable Double temperature, @Nullable Double topP, List<String> stopSequences) {
        this(prompt, messages, system, maxTokens, temperature, topP, stopSequences, List.of(), null, null, null);
    }

    /** Whether this asks for anything beyond text turns: tools, non-text parts, a response format, reasoning. */
    public boolean plainText() {
        return this.tools.isEmpty() && this.responseFormat == null && this.reasoningBudget == null
                && this.messages.stream().allMatch(ChatMessage::plainText);
    }

    /** The same prompt with other messages (cache points dropped, a turn added). */
    public TextPrompt withMessages(List<ChatMessage> turns) {
        return new TextPrompt(this.prompt, turns, this.system, this.maxTokens, this.temperature, this.topP,
                this.stopSequences, this.tools, this.toolChoice, this.responseFormat, this.reasoningBudget, this.guardrail);
    }

    /** The same prompt with other tools and tool choice (structured output forces its own tool). */
    public TextPrompt withTools(List<Tool> offered, @Nullable ToolChoice choice) {
        return new TextPrompt(this.prompt, this.messages, this.system, this.maxTokens, this.temperature, this.topP,
                this.stopSequences, offered, choice, this.responseFormat, this.reasoningBudget, this.guardrail);
    }

    /** The same prompt through a guardrail. */
    public TextPrompt withGuardrail(Guardrail applied) {
        return new TextPrompt(this.prompt, this.messages, this.system, this.maxTokens, this.temperature, this.topP,
                this.stopSequences, this.tools, this.toolChoice, this.responseFormat, this.reasoningBudget, applied);
    }

    /** The conversation: the messages, or the raw prompt as a single user turn. */
    public List<ChatMessage> turns() {
        return this.prompt != null ? List.of(new ChatMessage(ChatMessage.Role.USER, this.prompt)) : this.messages;
    }

    @Override
    public Class<TextResult> resultType() {
        return TextResult.class;
    }
}
