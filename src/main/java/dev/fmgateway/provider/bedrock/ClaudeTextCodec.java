package dev.fmgateway.provider.bedrock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic Claude v2 / v2.1 / Instant: the Text Completions API. Turns are rendered as
 * {@code \n\nHuman: ...\n\nAssistant:}; the body reports no usage, so counts come from Bedrock's headers.
 */
@Component
class ClaudeTextCodec extends BedrockTextCodec {

    private static final String HUMAN = "\n\nHuman: ";

    private static final String ASSISTANT = "\n\nAssistant:";

    ClaudeTextCodec(JsonMapper json) {
        super(PayloadFamily.ANTHROPIC_TEXT, json);
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        StringBuilder text = new StringBuilder();
        if (prompt.system() != null) {
            text.append(prompt.system());
        }
        for (ChatMessage turn : prompt.turns()) {
            text.append(turn.role() == ChatMessage.Role.USER ? HUMAN : ASSISTANT + " ").append(turn.text());
        }
        text.append(ASSISTANT);
        return new Request(text.toString(), prompt.maxTokens(), prompt.temperature(), prompt.topP(),
                prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        String output = body.path("completion").asString("");
        FinishReason reason = switch (body.path("stop_reason").asString("")) {
            case "max_tokens" -> FinishReason.LENGTH;
            case "stop_sequence" -> prompt.stopSequences().contains(body.path("stop").asString(""))
                    ? FinishReason.STOP_SEQUENCE : FinishReason.STOP;
            default -> FinishReason.STOP;
        };
        return new TextResult(output, reason, counts.usage(prompt, output));
    }

    @Override
    StreamChunk chunk(JsonNode chunk) {
        String reason = chunk.path("stop_reason").asString("");
        FinishReason finish = reason.isEmpty() || "null".equals(reason) ? null
                : "max_tokens".equals(reason) ? FinishReason.LENGTH : FinishReason.STOP;
        return new StreamChunk(chunk.path("completion").asString(""), finish, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String prompt, @JsonProperty("max_tokens_to_sample") int maxTokensToSample,
            @Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP,
            @JsonProperty("stop_sequences") @Nullable List<String> stopSequences) {
    }
}
