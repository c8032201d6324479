package dev.fmgateway.provider.sagemaker;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DJL / LMI container (GPT-J): {@code inputs: [prompt]} + {@code parameters}; answers
 * {@code [{generated_text}]}, streams JSON lines {@code {"outputs": ["piece"]}}. It takes no stop sequences.
 */
@Component
class DjlCodec extends ContainerCodec {

    private final JsonMapper json;

    DjlCodec(JsonMapper json) {
        super(PayloadFamily.DJL_LMI);
        this.json = json;
    }

    @Override
    public void check(TextPrompt prompt) {
        TextCodec.refuseStopSequences(prompt, "DJL/LMI endpoints");
    }

    @Override
    public Object request(TextPrompt prompt, boolean stream) {
        return new Request(List.of(inputs(prompt)), new Parameters(prompt.maxTokens(), sample(prompt),
                temperature(prompt), prompt.topP()));
    }

    @Override
    public TextResult response(JsonNode body, TokenCounts counts, TextPrompt prompt) {
        JsonNode first = body.isArray() ? body.path(0) : body;
        String output = first.path("generated_text").asString("");
        long outputTokens = Usage.Tokens.estimate(output);
        return new TextResult(output, unstated(outputTokens, prompt), usage(prompt, outputTokens));
    }

    @Override
    public @Nullable StreamChunk chunk(String line) {
        if (line.isBlank()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode piece : this.json.readTree(line).path("outputs")) {
            text.append(piece.asString(""));
        }
        return StreamChunk.text(text.toString());
    }

    record Request(List<String> inputs, Parameters parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameters(@JsonProperty("max_new_tokens") int maxNewTokens, @JsonProperty("do_sample") boolean doSample,
            @Nullable Double temperature, @JsonProperty("top_p") @Nullable Double topP) {
    }
}
