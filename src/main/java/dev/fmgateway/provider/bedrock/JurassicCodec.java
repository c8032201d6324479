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
 * AI21 Labs Jurassic-2: {@code prompt}, {@code maxTokens}, {@code stopSequences}. The body carries token arrays
 * but no usage object; counts come from Bedrock's headers, else from the arrays. It cannot stream.
 */
@Component
class JurassicCodec extends BedrockTextCodec {

    JurassicCodec(JsonMapper json) {
        super(PayloadFamily.AI21_JURASSIC2, json);
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        return new Request(PromptText.transcript(prompt, "Bot"), prompt.maxTokens(), prompt.temperature(),
                prompt.topP(), prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        JsonNode completion = body.path("completions").path(0);
        String output = completion.path("data").path("text").asString("");
        Usage.Tokens tokens;
        if (counts.input() != null && counts.output() != null) {
            tokens = new Usage.Tokens(counts.input(), counts.output(), false);
        }
        else if (body.path("prompt").path("tokens").isArray()) {
            tokens = new Usage.Tokens(body.path("prompt").path("tokens").size(),
                    completion.path("data").path("tokens").size(), false);
        }
        else {
            tokens = counts.usage(prompt, output);
        }
        FinishReason reason = switch (completion.path("finishReason").path("reason").asString("")) {
            case "length" -> FinishReason.LENGTH;
            case "stop" -> FinishReason.STOP_SEQUENCE;
            default -> FinishReason.STOP;
        };
        return new TextResult(output, reason, tokens);
    }

    @Override
    StreamChunk chunk(JsonNode chunk) {
        throw new IllegalStateException("Jurassic-2 does not stream; the catalog must say streaming: false");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String prompt, int maxTokens, @Nullable Double temperature, @Nullable Double topP,
            @Nullable List<String> stopSequences) {
    }
}
