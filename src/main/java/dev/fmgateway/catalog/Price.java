package dev.fmgateway.catalog;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices in USD for one region. Only the units that apply to the model are set.
 *
 * @param inputPer1k per 1,000 input tokens (text and embeddings)
 * @param outputPer1k per 1,000 output tokens
 * @param perImage per generated image, when no tier matches
 * @param imageTiers per-image prices by size, quality and steps; the first matching tier applies
 */
@Schema(name = "Price", description = "Prices in USD for one region; only the units that apply to the model are set")
public record Price(@Schema(description = "USD per 1,000 input tokens", example = "0.001") @Nullable BigDecimal inputPer1k,
        @Schema(description = "USD per 1,000 output tokens", example = "0.005") @Nullable BigDecimal outputPer1k,
        @Schema(description = "USD per image, when no tier matches", example = "0.04") @Nullable BigDecimal perImage,
        @Schema(description = "Per-image prices by size, quality and steps; the first matching tier applies")
        @DefaultValue List<ImageTier> imageTiers) {

    public Price {
        imageTiers = imageTiers == null ? List.of() : List.copyOf(imageTiers);
    }

    /** The price of one image of this size, quality and step count, if the price list has one. */
    public @Nullable BigDecimal imagePrice(int width, int height, String quality, int steps) {
        for (ImageTier tier : this.imageTiers) {
            if (tier.matches(width, height, quality, steps)) {
                return tier.usd();
            }
        }
        return this.perImage;
    }

    public boolean pricesImages() {
        return this.perImage != null || !this.imageTiers.isEmpty();
    }

    /**
     * A per-image price that applies up to a size, for a quality, up to a number of steps (unset = any).
     *
     * @param maxPixels largest width x height this tier covers
     * @param quality quality this tier covers
     * @param maxSteps most diffusion steps this tier covers
     * @param usd price per image
     */
    @Schema(name = "ImageTier", description = "A per-image price up to a size, for a quality, up to a number of steps (unset = any)")
    public record ImageTier(@Schema(description = "Largest width x height covered", example = "1048576") @Nullable Integer maxPixels,
            @Schema(description = "Quality covered", example = "standard") @Nullable String quality,
            @Schema(description = "Most diffusion steps covered", example = "50") @Nullable Integer maxSteps,
            @Schema(description = "USD per image", example = "0.04") BigDecimal usd) {

        boolean matches(int width, int height, String quality, int steps) {
            return (this.maxPixels == null || (long) width * height <= this.maxPixels)
                    && (this.quality == null || this.quality.equalsIgnoreCase(quality))
                    && (this.maxSteps == null || steps <= this.maxSteps);
        }
    }
}
