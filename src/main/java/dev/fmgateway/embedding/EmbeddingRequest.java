package dev.fmgateway.embedding;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/embeddings}: {@code input} is a string or an array of strings; multimodal models also
 * take a base64 {@code image}.
 */
record EmbeddingRequest(@NotBlank @Size(max = 256) String model,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(min = 1,
                max = 256) List<@NotNull @Size(max = 50_000) String> input,
        @Nullable String image, @Nullable @Min(1) @Max(8192) Integer dimensions, @Nullable Boolean normalize,
        @Nullable @Size(max = 32) String region) {
}
