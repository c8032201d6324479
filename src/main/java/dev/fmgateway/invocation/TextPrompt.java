package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

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
 */
public record TextPrompt(@Nullable String prompt, List<ChatMessage> messages, @Nullable String system, int maxTokens,
        @Nullable Double temperature, @Nullable Double topP, List<String> stopSequences) implements InferenceRequest<TextResult> {

    public TextPrompt {
        messages = List.copyOf(messages);
        stopSequences = List.copyOf(stopSequences);
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
