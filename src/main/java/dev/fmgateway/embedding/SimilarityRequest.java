package dev.fmgateway.embedding;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/embeddings/similarity}: rank {@code candidates} against {@code query}. */
record SimilarityRequest(@NotBlank @Size(max = 256) String model, @NotBlank @Size(max = 50_000) String query,
        @NotEmpty @Size(max = 255) List<@NotNull @Size(max = 50_000) String> candidates,
        @Nullable @Min(1) @Max(255) Integer topK, @Nullable @Min(1) @Max(8192) Integer dimensions,
        @Nullable @Size(max = 32) String region) {
}
