package dev.fmgateway.embedding;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/embeddings}: {@code input} is a string or an array of strings; multimodal models also
 * take a base64 {@code image}.
 */
@Schema(description = "An embeddings request: `input` texts, or an `image` for multimodal models")
record EmbeddingRequest(
        @Schema(description = "Catalog id or alias of an EMBEDDING model", example = "titan-embed-text-v2")
        @NotBlank @Size(max = 256) String model,
        @ArraySchema(arraySchema = @Schema(description = "Texts to embed; a single string is accepted as well, "
                + "at most the model's `limits.maxBatch` items of `limits.maxInputChars` characters; [] counts as absent",
                example = "[\"red apples\", \"green pears\"]"))
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(max = 256) List<@NotNull @Size(max = 50_000) String> input,
        @Schema(description = "Base64 PNG or JPEG to embed (multimodal models only)", format = "byte",
                example = "iVBORw0KGgo=") @Nullable String image,
        @Schema(description = "Vector length, one of the model's `limits.embeddingDimensions` (the first is the default)",
                example = "256") @Nullable @Min(1) @Max(8192) Integer dimensions,
        @Schema(description = "Return unit-length vectors") @Nullable Boolean normalize,
        @Schema(description = "What the texts are for, for models that embed by purpose (Cohere Embed; others refuse "
                + "it): `search_document` (the default) for texts to be searched, `search_query` for queries, "
                + "`classification`, `clustering`", example = "search_query",
                allowableValues = { "search_document", "search_query", "classification", "clustering" })
        @Nullable @Pattern(regexp = "search_document|search_query|classification|clustering",
                message = "must be one of search_document, search_query, classification, clustering") String inputType,
        @Schema(description = "AWS region to call the model in", example = "us-east-1") @Nullable @Size(max = 32) String region) {
}
