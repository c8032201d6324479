package dev.fmgateway.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a model accepts. Requests beyond these limits are rejected before any upstream call.
 *
 * @param maxInputTokens context size in tokens, if known
 * @param maxOutputTokens largest {@code maxTokens} a caller may ask for
 * @param defaultOutputTokens {@code maxTokens} used when the caller gives none
 * @param imageSizes image sizes the model can generate, as {@code WIDTHxHEIGHT}; the first is the default
 * @param maxImages most images one request may ask for
 * @param maxSteps most diffusion steps a caller may ask for
 * @param embeddingDimensions vector lengths the model can produce; the first is the default
 * @param maxBatch most inputs one embeddings request may carry
 * @param maxInputChars longest input text, in characters
 */
public record Limits(@Nullable Integer maxInputTokens, @Nullable Integer maxOutputTokens,
        @Nullable Integer defaultOutputTokens, @DefaultValue List<String> imageSizes, @Nullable Integer maxImages,
        @Nullable Integer maxSteps, @DefaultValue List<Integer> embeddingDimensions, @Nullable Integer maxBatch,
        @Nullable Integer maxInputChars) {

    public Limits {
        imageSizes = imageSizes == null ? List.of() : List.copyOf(imageSizes);
        embeddingDimensions = embeddingDimensions == null ? List.of() : List.copyOf(embeddingDimensions);
    }

    public static Limits none() {
        return new Limits(null, null, null, List.of(), null, null, List.of(), null, null);
    }
}
