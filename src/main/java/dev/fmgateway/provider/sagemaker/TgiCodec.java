package dev.fmgateway.provider.sagemaker;

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
import dev.fmgateway.provider.UpstreamMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hugging Face LLM container (TGI): {@code inputs} + {@code parameters}; answers {@code [{generated_text}]},
 * streams SSE lines {@code data:{"token":{"text":...}}} ending with {@code generated_text} and {@code details}.
 */
@Component
class TgiCodec extends ContainerCodec {

    private final JsonMapper json;

    TgiCodec(JsonMapper json) {
        super(PayloadFamily.HF_TGI);
        this.json = json;
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        Parameters parameters = new Parameters(prompt.maxTokens(), sample(prompt), temperature(prompt),
                prompt.topP() != null && prompt.topP() > 0 && prompt.topP() < 1 ? prompt.topP() : null,
                prompt.stopSequences().isEmpty() ? null : prompt.stopSequences(), false, true);
        return new Request(inputs(prompt), parameters, stream);
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        JsonNode first = body.isArray() ? body.path(0) : body;
        String output = first.path("generated_text").asString("");
        JsonNode details = first.path("details");
        long outputTokens = details.path("generated_tokens").isNumber() ? details.path("generated_tokens").asLong()
                : Usage.Tokens.estimate(output);
        return new TextResult(output, finishReason(details.path("finish_reason").asString("")),
                usage(prompt, outputTokens));
    }

    @Override
    public @Nullable StreamChunk chunk(String line) {
        if (!line.startsWith("data:")) {
            return null;
        }
        JsonNode event = this.json.readTree(line.substring("data:".length()).trim());
        if (event.has("error")) {
            // TGI reports a failure inside the stream; never let it pass for a normal end.
            throw new StreamError(UpstreamMessages.sanitize(event.path("error").asString("")));
        }
        JsonNode token = event.path("token");
        String text = token.path("special").asBoolean(false) ? "" : token.path("text").asString("");
        // The last event carries the last token as well as the details of the whole generation.
        JsonNode details = event.path("details");
        if (details.isObject()) {
            return new StreamChunk(text, finishReason(details.path("finish_reason").asString("")), null,
                    details.path("generated_tokens").isNumber() ? details.path("generated_tokens").asLong() : null);
        }
        return StreamChunk.text(text);
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "length" -> FinishReason.LENGTH;
            case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
            default -> FinishReason.STOP;
        };
    }

    record Request(String inputs, Parameters parameters, boolean stream) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameters(@JsonProperty("max_new_tokens") int maxNewTokens, @JsonProperty("do_sample") boolean doSample,
            @Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP, @Nullable List<String> stop,
            @JsonProperty("return_full_text") boolean returnFullText, boolean details) {
    }
}
