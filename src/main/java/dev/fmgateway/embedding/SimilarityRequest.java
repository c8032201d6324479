package dev.fmgateway.embedding;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/embeddings/similarity}: rank {@code candidates} against {@code query}. */
@Schema(description = "Rank `candidates` by similarity to `query`")
record SimilarityRequest(
        @Schema(description = "Catalog id or alias of an EMBEDDING model", example = "titan-embed-text-v2")
        @NotBlank @Size(max = 256) String model,
        @Schema(description = "The text to compare against", example = "fruit that is red") @NotBlank @Size(max = 50_000) String query,
        @Schema(description = "Texts to rank", example = "[\"red apples\", \"blue cars\", \"green pears\"]")
        @NotEmpty @Size(max = 255) List<@NotNull @Size(max = 50_000) String> candidates,
        @Schema(description = "Return only the best topK candidates (default: all)", example = "2") @Nullable @Min(1) @Max(255) Integer topK,
        @Schema(description = "Vector length to compare at, one of the model's `limits.embeddingDimensions`", example = "256")
        @Nullable @Min(1) @Max(8192) Integer dimensions,
        @Schema(description = "AWS region to call the model in", example = "us-east-1") @Nullable @Size(max = 32) String region) {
}
