package dev.fmgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.TextPrompt;

/** The flattened prompt: Titan's and the plain-text containers' transcripts, and the text an estimate counts. */
class PromptTextTests {

    private static final TextPrompt CHAT = new TextPrompt(null,
            List.of(new ChatMessage(ChatMessage.Role.USER, "Hi"), new ChatMessage(ChatMessage.Role.ASSISTANT, "Hello"),
                    new ChatMessage(ChatMessage.Role.USER, "Joke?")),
            "Be brief.", 16, null, null, List.of());

    @Test
    void conversationsEndWithAnOpenAssistantTurn() {
        assertThat(PromptText.transcript(CHAT, "Bot")).isEqualTo("Be brief.\nUser: Hi\nBot: Hello\nUser: Joke?\nBot:");
        assertThat(PromptText.transcript(CHAT, "Assistant"))
            .isEqualTo("Be brief.\nUser: Hi\nAssistant: Hello\nUser: Joke?\nAssistant:");
    }

    @Test
    void aRawPromptIsSentAsItIs() {
        TextPrompt raw = new TextPrompt("Tell me a joke", List.of(), null, 16, null, null, List.of());
        assertThat(PromptText.transcript(raw, "Bot")).isEqualTo("Tell me a joke");
    }

    @Test
    void theEstimateCountsWhatIsSaid() {
        assertThat(PromptText.content(CHAT)).isEqualTo("Be brief.\nHi\nHello\nJoke?");
    }
}
