package dev.fmgateway.provider.bedrock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.PromptText;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon Titan Text: {@code inputText} plus {@code textGenerationConfig}. Conversations are rendered in Titan's
 * {@code User: ... / Bot:} format; a raw prompt is sent as it is. Titan has no system field, so system
 * instructions open the prompt.
 */
@Component
class TitanTextCodec extends BedrockTextCodec {

    TitanTextCodec(JsonMapper json) {
        super(PayloadFamily.TITAN_TEXT, json);
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        Config config = new Config(prompt.maxTokens(), prompt.temperature(), prompt.topP(),
                prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
        return new Request(PromptText.transcript(prompt, "Bot"), config);
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        JsonNode result = body.path("results").path(0);
        String output = result.path("outputText").asString("");
        Usage.Tokens tokens = body.has("inputTextTokenCount") && result.has("tokenCount")
                ? new Usage.Tokens(body.path("inputTextTokenCount").asLong(), result.path("tokenCount").asLong(), false)
                : counts.usage(prompt, output);
        return new TextResult(output, finishReason(result.path("completionReason").asString("")), tokens);
    }

    @Override
    StreamChunk chunk(JsonNode chunk) {
        String reason = chunk.path("completionReason").asString("");
        return new StreamChunk(chunk.path("outputText").asString(""), reason.isEmpty() ? null : finishReason(reason),
                chunk.path("inputTextTokenCount").isNumber() ? chunk.path("inputTextTokenCount").asLong() : null, null);
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
