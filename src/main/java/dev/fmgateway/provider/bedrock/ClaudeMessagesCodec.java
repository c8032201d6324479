package dev.fmgateway.provider.bedrock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Anthropic Claude 3 and later on Bedrock: the Messages API ({@code anthropic_version bedrock-2023-05-31}). */
@Component
class ClaudeMessagesCodec extends BedrockTextCodec {

    static final String VERSION = "bedrock-2023-05-31";

    ClaudeMessagesCodec(JsonMapper json) {
        super(PayloadFamily.ANTHROPIC_MESSAGES, json);
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        List<Message> messages = prompt.turns()
            .stream()
            .map(turn -> new Message(turn.role().name().toLowerCase(java.util.Locale.ROOT), turn.text()))
            .toList();
        return new Request(VERSION, prompt.maxTokens(), messages, prompt.system(), prompt.temperature(),
                prompt.topP(), prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.path("content")) {
            if ("text".equals(block.path("type").asString(""))) {
                text.append(block.path("text").asString(""));
            }
        }
        JsonNode usage = body.path("usage");
        boolean reported = usage.has("input_tokens") && usage.has("output_tokens");
        Usage.Tokens tokens = reported
                ? new Usage.Tokens(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong(), false)
                : counts.usage(prompt, text.toString());
        return new TextResult(text.toString(), finishReason(body.path("stop_reason").asString("")), tokens);
    }

    @Override
    StreamChunk chunk(JsonNode chunk) {
        return switch (chunk.path("type").asString("")) {
            case "content_block_delta" -> StreamChunk.text(chunk.path("delta").path("text").asString(""));
            case "message_start" -> new StreamChunk("", null,
                    chunk.path("message").path("usage").has("input_tokens")
                            ? chunk.path("message").path("usage").path("input_tokens").asLong() : null, null);
            case "message_delta" -> new StreamChunk("",
                    finishReason(chunk.path("delta").path("stop_reason").asString("")), null, null);
            default -> StreamChunk.text("");
        };
    }

    private static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens" -> FinishReason.LENGTH;
            case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
            case "refusal", "guardrail_intervened" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(@JsonProperty("anthropic_version") String anthropicVersion,
            @JsonProperty("max_tokens") int maxTokens, List<Message> messages, @Nullable String system,
            @Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP,
            @JsonProperty("stop_sequences") @Nullable List<String> stopSequences) {
    }

    record Message(String role, String content) {
    }
}
