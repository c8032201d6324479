package dev.fmgateway.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "What a model accepts; requests beyond these limits are refused before any upstream call")
public record Limits(@Schema(description = "Context size in tokens, if known", example = "200000") @Nullable Integer maxInputTokens,
        @Schema(description = "Largest `maxTokens` a caller may ask for", example = "64000") @Nullable Integer maxOutputTokens,
        @Schema(description = "`maxTokens` used when the caller gives none", example = "1024") @Nullable Integer defaultOutputTokens,
        @Schema(description = "Image sizes the model can generate, as WIDTHxHEIGHT; the first is the default",
                example = "[\"1024x1024\", \"512x512\"]") @DefaultValue List<String> imageSizes,
        @Schema(description = "Most images one request may ask for", example = "5") @Nullable Integer maxImages,
        @Schema(description = "Most diffusion steps a caller may ask for", example = "50") @Nullable Integer maxSteps,
        @Schema(description = "Vector lengths the model can produce; the first is the default",
                example = "[1024, 512, 256]") @DefaultValue List<Integer> embeddingDimensions,
        @Schema(description = "Most inputs one embeddings request may carry", example = "128") @Nullable Integer maxBatch,
        @Schema(description = "Longest input text, in characters", example = "50000") @Nullable Integer maxInputChars) {

    public Limits {
        imageSizes = imageSizes == null ? List.of() : List.copyOf(imageSizes);
        embeddingDimensions = embeddingDimensions == null ? List.of() : List.copyOf(embeddingDimensions);
    }

    public static Limits none() {
        return new Limits(null, null, null, List.of(), null, null, List.of(), null, null);
    }
}
