package dev.fmgateway.image;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/images/generations}. Public for other dialects of the route (OpenAI-compatible). */
@Schema(description = "An image generation request")
public record ImageGenerationRequest(
        @Schema(description = "Catalog id or alias of an IMAGE_GENERATION model", example = "titan-image-v2")
        @NotBlank @Size(max = 256) String model,
        @Schema(description = "What to draw", example = "a lighthouse at dusk") @NotBlank @Size(max = 10_000) String prompt,
        @Schema(description = "What to keep out of the image", example = "people")
        @Nullable @Size(max = 10_000) String negativePrompt,
        @Schema(description = "Width in pixels; give width and height together, as one of the model's sizes "
                + "(catalog `limits.imageSizes`, the first is the default)", example = "1024")
        @Nullable @Min(64) @Max(4096) Integer width,
        @Schema(description = "Height in pixels", example = "1024") @Nullable @Min(64) @Max(4096) Integer height,
        @Schema(description = "Number of images, at most the model's `limits.maxImages`", example = "1", defaultValue = "1")
        @Nullable @Min(1) @Max(10) Integer count,
        @Schema(description = "Seed for reproducible images", example = "42") @Nullable @Min(0) @Max(4_294_967_294L) Long seed,
        @Schema(description = "Diffusion steps (Stability SDXL), at most the model's `limits.maxSteps`", example = "30")
        @Nullable @Min(1) @Max(150) Integer steps,
        @Schema(description = "How closely to follow the prompt", example = "8.0")
        @Nullable @DecimalMin("0.0") @DecimalMax("35.0") Double cfgScale,
        @Schema(description = "Style preset (Stability SDXL)", example = "photographic")
        @Nullable @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String stylePreset,
        @Schema(description = "Quality tier (Titan Image)", example = "standard", allowableValues = { "standard", "premium" })
        @Nullable @Pattern(regexp = "standard|premium") String quality,
        @Schema(description = "AWS region to call the model in", example = "us-east-1") @Nullable @Size(max = 32) String region) {
}
