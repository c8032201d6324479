package dev.fmgateway.emulator;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * One Bedrock text payload family: validates its native request, writes its native response and stream
 * events, and renders a Converse conversation into the prompt the model would see (for token counts).
 */
interface TextFamily {

    /**
     * What a validated request asks for.
     *
     * @param prompt everything the model reads, counted for input tokens
     * @param source the text whose words the reply cycles (last user turn)
     * @param maxTokens output cap
     * @param stopSequences caller's stop sequences
     * @param toolUse the tool call the reply makes instead of text (Claude Messages), or null
     */
    record TextRequest(String prompt, String source, int maxTokens, List<String> stopSequences, ObjectNode toolUse) {

        TextRequest(String prompt, String source, int maxTokens, List<String> stopSequences) {
            this(prompt, source, maxTokens, stopSequences, null);
        }

        int inputTokens() {
            return Tokenizer.count(prompt);
        }
    }

    /** Validates the native body; throws a 400 {@link ApiException} when it is wrong. */
    TextRequest parse(ObjectNode body, BedrockModel model);

    ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model);

    /** Native stream events in order; the caller adds the invocation metrics to the last one. */
    List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model);

    default boolean streams() {
        return true;
    }

    /** The native prompt for a conversation (Converse renders it for the model). */
    String render(Conversation conversation);

    int maxOutputTokens(BedrockModel model);

    default boolean supportsSystem() {
        return true;
    }

    /** A conversation reduced to text: system prompts and alternating turns. */
    record Conversation(List<String> system, List<Turn> turns) {

        record Turn(String role, String text) {
        }

        String lastUserText() {
            for (int i = turns.size() - 1; i >= 0; i--) {
                if (turns.get(i).role().equals("user")) {
                    return turns.get(i).text();
                }
            }
            return "";
        }
    }
}
