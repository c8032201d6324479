package dev.fmgateway.provider;

import java.util.stream.Collectors;

import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.TextPrompt;

/** A prompt flattened into one string: for families that take plain text, and for token estimates. */
public final class PromptText {

    private PromptText() {
    }

    /**
     * The system line, then the raw prompt as it is, or the conversation as {@code User:} and {@code assistant:}
     * lines closed by an open {@code assistant:} turn. Titan names the assistant {@code Bot}, plain-text
     * containers {@code Assistant}.
     */
    public static String transcript(TextPrompt prompt, String assistant) {
        StringBuilder text = new StringBuilder();
        if (prompt.system() != null) {
            text.append(prompt.system()).append('\n');
        }
        if (prompt.prompt() != null) {
            return text.append(prompt.prompt()).toString();
        }
        for (ChatMessage turn : prompt.messages()) {
            text.append(turn.role() == ChatMessage.Role.USER ? "User" : assistant).append(": ").append(turn.text())
                .append('\n');
        }
        return text.append(assistant).append(':').toString();
    }

    /** The system instructions and what each turn says, a line each, without any template. */
    public static String content(TextPrompt prompt) {
        String turns = prompt.turns().stream().map(ChatMessage::text).collect(Collectors.joining("\n"));
        return prompt.system() != null ? prompt.system() + "\n" + turns : turns;
    }
}
