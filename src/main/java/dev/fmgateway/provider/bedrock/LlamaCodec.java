package dev.fmgateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta Llama on Bedrock: the conversation rendered in the model's prompt template, {@code max_gen_len},
 * {@code temperature}, {@code top_p}. Llama takes no stop sequences, so a request with them is refused.
 */
abstract class LlamaCodec extends BedrockTextCodec {

    LlamaCodec(PayloadFamily family, JsonMapper json) {
        super(family, json);
    }

    /** Renders the conversation (or raw prompt as one user turn) in the model's template. */
    abstract String render(TextPrompt prompt);

    @Override
    public void check(TextPrompt prompt) {
        TextCodec.refuseStopSequences(prompt, "Meta Llama models");
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        return new Request(render(prompt), prompt.maxTokens(), prompt.temperature(), prompt.topP());
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        String output = body.path("generation").asString("");
        Usage.Tokens tokens = body.path("prompt_token_count").isNumber()
                && body.path("generation_token_count").isNumber()
                        ? new Usage.Tokens(body.path("prompt_token_count").asLong(),
                                body.path("generation_token_count").asLong(), false)
                        : counts.usage(prompt, output);
        return new TextResult(output, finishReason(body.path("stop_reason").asString("")), tokens);
    }

    @Override
    StreamChunk chunk(JsonNode chunk) {
        String reason = chunk.path("stop_reason").asString("");
        return new StreamChunk(chunk.path("generation").asString(""),
                reason.isEmpty() || "null".equals(reason) ? null : finishReason(reason),
                chunk.path("prompt_token_count").isNumber() ? chunk.path("prompt_token_count").asLong() : null, null);
    }

    private static FinishReason finishReason(String reason) {
        return "length".equals(reason) ? FinishReason.LENGTH : FinishReason.STOP;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String prompt, @JsonProperty("max_gen_len") int maxGenLen, @Nullable Double temperature,
            @JsonProperty("top_p") @Nullable Double topP) {
    }
}
