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
import tools.jackson.databind.JsonNode;

/**
 * AI21 Labs Jurassic-2: {@code prompt}, {@code maxTokens}, {@code stopSequences}. The body carries token arrays
 * but no usage object; counts come from Bedrock's headers, else from the arrays. It cannot stream.
 */
@Component
class JurassicCodec implements TextCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.AI21_JURASSIC2;
    }

    @Override
    public Object request(TextPrompt prompt) {
        return new Request(TitanTextCodec.inputText(prompt), prompt.maxTokens(), prompt.temperature(), prompt.topP(),
                prompt.stopSequences().isEmpty() ? null : prompt.stopSequences());
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts headers, TextPrompt prompt) {
        JsonNode completion = body.path("completions").path(0);
        String output = completion.path("data").path("text").asString("");
        Usage.Tokens tokens;
        if (headers.input() != null && headers.output() != null) {
            tokens = new Usage.Tokens(headers.input(), headers.output(), false);
        }
        else if (body.path("prompt").path("tokens").isArray()) {
            tokens = new Usage.Tokens(body.path("prompt").path("tokens").size(),
                    completion.path("data").path("tokens").size(), false);
        }
        else {
            tokens = Codecs.tokens(headers, prompt, output);
        }
        FinishReason reason = switch (completion.path("finishReason").path("reason").asString("")) {
            case "length" -> FinishReason.LENGTH;
            case "stop" -> FinishReason.STOP_SEQUENCE;
            default -> FinishReason.STOP;
        };
        return new TextResult(output, reason, tokens);
    }

    @Override
    public StreamChunk chunk(JsonNode chunk) {
        throw new IllegalStateException("Jurassic-2 does not stream; the catalog must say streaming: false");
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String prompt, int maxTokens, @Nullable Double temperature, @Nullable Double topP,
            @Nullable List<String> stopSequences) {
    }
}
