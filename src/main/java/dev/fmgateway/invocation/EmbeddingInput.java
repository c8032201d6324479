package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * One input to embed (families that take one input per call get one invocation per input).
 *
 * @param text text to embed, if any
 * @param image PNG or JPEG bytes to embed (multimodal models), if any
 * @param dimensions requested vector length, if the model supports a choice
 * @param normalize whether the provider should normalise the vector, if it supports the choice
 */
public record EmbeddingInput(@Nullable String text, byte @Nullable [] image, @Nullable Integer dimensions,
        @Nullable Boolean normalize) implements InferenceRequest<EmbeddingResult> {

    @Override
    public Class<EmbeddingResult> resultType() {
        return EmbeddingResult.class;
    }
}
