package dev.fmgateway.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Prices in USD for one region. Only the units that apply to the model are set.
 *
 * @param inputPer1k per 1,000 input tokens (text and embeddings)
 * @param outputPer1k per 1,000 output tokens
 * @param perImage per generated image, when no tier matches
 * @param imageTiers per-image prices by size, quality and steps; the first matching tier applies
 * @param cacheReadPer1k per 1,000 input tokens read from the prompt cache (unset: the input price)
 * @param cacheWritePer1k per 1,000 input tokens written to the prompt cache (unset: the input price)
 */
public record Price(@Nullable BigDecimal inputPer1k, @Nullable BigDecimal outputPer1k,
        @Nullable BigDecimal perImage, @DefaultValue List<ImageTier> imageTiers, @Nullable BigDecimal cacheReadPer1k,
        @Nullable BigDecimal cacheWritePer1k) {

    @ConstructorBinding
    public Price {
        imageTiers = imageTiers == null ? List.of() : List.copyOf(imageTiers);
    }

    public Price(@Nullable BigDecimal inputPer1k, @Nullable BigDecimal outputPer1k, @Nullable BigDecimal perImage,
            List<ImageTier> imageTiers) {
        this(inputPer1k, outputPer1k, perImage, imageTiers, null, null);
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
    public record ImageTier(@Nullable Integer maxPixels, @Nullable String quality, @Nullable Integer maxSteps,
            BigDecimal usd) {

        boolean matches(int width, int height, String quality, int steps) {
            return (this.maxPixels == null || (long) width * height <= this.maxPixels)
                    && (this.quality == null || this.quality.equalsIgnoreCase(quality))
                    && (this.maxSteps == null || steps <= this.maxSteps);
        }
    }
}
