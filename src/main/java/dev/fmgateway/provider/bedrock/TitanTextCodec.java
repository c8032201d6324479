package dev.fmgateway.provider.bedrock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Titan Text: {@code inputText} plus {@code textGenerationConfig}. Conversations are rendered in Titan's
 * {@code User: ... / Bot:} format; a raw prompt is sent as it is. Titan has no system field, so system
 * instructions open the prompt.
 */
@Component
class TitanTextCodec implements TextCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.TITAN_TEXT;
    }

    @Override
    public Object request(TextPrompt prompt) {
        Config config = new Config(prompt.maxTokens(), prompt.temperature(), prompt.topP(),
                prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
        return new Request(inputText(prompt), config);
    }

    static String inputText(TextPrompt prompt) {
        StringBuilder text = new StringBuilder();
        if (prompt.system() != null) {
            text.append(prompt.system()).append('\n');
        }
        if (prompt.prompt() != null) {
            return text.append(prompt.prompt()).toString();
        }
        for (ChatMessage turn : prompt.messages()) {
            text.append(turn.role() == ChatMessage.Role.USER ? "User: " : "Bot: ").append(turn.content()).append('\n');
        }
        return text.append("Bot:").toString();
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts headers, TextPrompt prompt) {
        JsonNode result = body.path("results").path(0);
        String output = result.path("outputText").asString("");
        Usage.Tokens tokens = body.has("inputTextTokenCount") && result.has("tokenCount")
                ? new Usage.Tokens(body.path("inputTextTokenCount").asLong(), result.path("tokenCount").asLong(), false)
                : Codecs.tokens(headers, prompt, output);
        return new TextResult(output, finishReason(result.path("completionReason").asString("")), tokens);
    }

    @Override
    public StreamChunk chunk(JsonNode chunk) {
        String reason = chunk.path("completionReason").asString("");
        return new StreamChunk(chunk.path("outputText").asString(""), reason.isEmpty() ? null : finishReason(reason),
                chunk.path("inputTextTokenCount").isNumber() ? chunk.path("inputTextTokenCount").asLong() : null);
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "LENGTH" -> FinishReason.LENGTH;
            case "STOP_CRITERIA_MET" -> FinishReason.STOP_SEQUENCE;
            case "CONTENT_FILTERED" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    record Request(String inputText, Config textGenerationConfig) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Config(int maxTokenCount, @Nullable Double temperature, @Nullable Double topP,
            @Nullable List<String> stopSequences) {
    }
}
