package dev.fmgateway.image;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/images/generations}. */
record ImageGenerationRequest(@NotBlank @Size(max = 256) String model, @NotBlank @Size(max = 10_000) String prompt,
        @Nullable @Size(max = 10_000) String negativePrompt, @Nullable @Min(64) @Max(4096) Integer width,
        @Nullable @Min(64) @Max(4096) Integer height, @Nullable @Min(1) @Max(10) Integer count,
        @Nullable @Min(0) @Max(4_294_967_294L) Long seed, @Nullable @Min(1) @Max(150) Integer steps,
        @Nullable @DecimalMin("0.0") @DecimalMax("35.0") Double cfgScale,
        @Nullable @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String stylePreset,
        @Nullable @Pattern(regexp = "standard|premium") String quality, @Nullable @Size(max = 32) String region) {
}
