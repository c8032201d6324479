package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;

/**
 * Cohere Embed English v3, Multilingual v3 and v4 (reference chat-apis-wire §2.1): one call embeds up to 96
 * {@code texts} with an {@code input_type} ({@code search_document} unless the caller says otherwise);
 * {@code output_dimension} only when a length is asked (v4). The answer's {@code embeddings} holds one vector per
 * text, in order (or, keyed by type, under {@code float}); input tokens come from Bedrock's token-count header.
 */
@Component
class CohereEmbedCodec implements EmbeddingCodec {

    static final String DEFAULT_INPUT_TYPE = "search_document";

    @Override
    public PayloadFamily family() {
        return PayloadFamily.COHERE_EMBED;
    }

    @Override
    public Object request(EmbeddingInput input) {
        if (input.texts().isEmpty() || input.image() != null) {
            throw new IllegalStateException("Cohere Embed calls carry texts only");
        }
        return new Body(input.texts(), input.inputType() != null ? input.inputType() : DEFAULT_INPUT_TYPE,
                input.dimensions());
    }

    @Override
    public EmbeddingResult response(JsonNode body, TokenCounts headers, EmbeddingInput input, String modelId) {
        JsonNode embeddings = body.path("embeddings");
        if (embeddings.isObject()) {
            embeddings = embeddings.path("float");
        }
        if (!embeddings.isArray() || embeddings.size() != input.texts().size()) {
            throw new UpstreamErrorException(modelId, "the answer holds " + (embeddings.isArray() ? embeddings.size() : 0)
                    + " embeddings for " + input.texts().size() + " texts");
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(vector -> vectors.add(EmbeddingCodec.vector(vector)));
        Usage.Tokens usage = headers.input() != null ? new Usage.Tokens(headers.input(), 0, false)
                : new Usage.Tokens(input.texts().stream().mapToLong(Usage.Tokens::estimate).sum(), 0, true);
        return new EmbeddingResult(vectors, usage);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(List<String> texts, @JsonProperty("input_type") String inputType,
            @JsonProperty("output_dimension") @Nullable Integer outputDimension) {
    }
}
