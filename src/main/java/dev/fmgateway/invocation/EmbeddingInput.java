package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one upstream embeddings call embeds: one input for families that take one per call, or a batch of texts
 * for families that take several (Cohere Embed: up to 96).
 *
 * @param text the (first) text to embed, if any
 * @param image PNG or JPEG bytes to embed (multimodal models), if any
 * @param dimensions requested vector length, if the model supports a choice
 * @param normalize whether the provider should normalise the vector, if it supports the choice
 * @param texts every text this call embeds, in order ({@code text} first); one vector comes back per text
 * @param inputType what the texts are for ({@code search_document}, {@code search_query}, {@code classification},
 * {@code clustering}), for models that embed them differently; null: the model's default
 */
public record EmbeddingInput(@Nullable String text, byte @Nullable [] image, @Nullable Integer dimensions,
        @Nullable Boolean normalize, List<String> texts, @Nullable String inputType)
        implements InferenceRequest<EmbeddingResult> {

    public EmbeddingInput {
        texts = texts == null || texts.isEmpty() ? (text != null ? List.of(text) : List.of()) : List.copyOf(texts);
        if (!texts.isEmpty() && !texts.getFirst().equals(text)) {
            throw new IllegalArgumentException("text must be the first of texts");
        }
    }

    /** One input. */
    public EmbeddingInput(@Nullable String text, byte @Nullable [] image, @Nullable Integer dimensions,
            @Nullable Boolean normalize) {
        this(text, image, dimensions, normalize, List.of(), null);
    }

    /** Several texts embedded by one call. */
    public static EmbeddingInput batch(List<String> texts, @Nullable Integer dimensions, @Nullable Boolean normalize,
            @Nullable String inputType) {
        return new EmbeddingInput(texts.getFirst(), null, dimensions, normalize, texts, inputType);
    }

    @Override
    public Class<EmbeddingResult> resultType() {
        return EmbeddingResult.class;
    }
}
