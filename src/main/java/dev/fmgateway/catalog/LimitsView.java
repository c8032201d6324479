package dev.fmgateway.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A model's {@link Limits} in a catalog entry. */
@Schema(name = "Limits", description = "What a model accepts; requests beyond these limits are refused before any upstream call")
record LimitsView(@Schema(description = "Context size in tokens, if known", example = "200000") @Nullable Integer maxInputTokens,
        @Schema(description = "Largest `maxTokens` a caller may ask for", example = "64000") @Nullable Integer maxOutputTokens,
        @Schema(description = "`maxTokens` used when the caller gives none", example = "1024") @Nullable Integer defaultOutputTokens,
        @Schema(description = "Image sizes the model can generate, as WIDTHxHEIGHT; the first is the default",
                example = "[\"1024x1024\", \"512x512\"]") List<String> imageSizes,
        @Schema(description = "Most images one request may ask for", example = "5") @Nullable Integer maxImages,
        @Schema(description = "Most diffusion steps a caller may ask for", example = "50") @Nullable Integer maxSteps,
        @Schema(description = "Vector lengths the model can produce; the first is the default",
                example = "[1024, 512, 256]") List<Integer> embeddingDimensions,
        @Schema(description = "Most inputs one embeddings request may carry", example = "128") @Nullable Integer maxBatch,
        @Schema(description = "Longest input text, in characters", example = "50000") @Nullable Integer maxInputChars) {

    static LimitsView of(Limits limits) {
        return new LimitsView(limits.maxInputTokens(), limits.maxOutputTokens(), limits.defaultOutputTokens(),
                limits.imageSizes(), limits.maxImages(), limits.maxSteps(), limits.embeddingDimensions(),
                limits.maxBatch(), limits.maxInputChars());
    }
}
