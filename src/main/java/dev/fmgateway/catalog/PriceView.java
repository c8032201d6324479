package dev.fmgateway.catalog;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A {@link Price} in a catalog entry. */
@Schema(name = "Price", description = "Prices in USD for one region; only the units that apply to the model are set")
record PriceView(@Schema(description = "USD per 1,000 input tokens", example = "0.001") @Nullable BigDecimal inputPer1k,
        @Schema(description = "USD per 1,000 output tokens", example = "0.005") @Nullable BigDecimal outputPer1k,
        @Schema(description = "USD per image, when no tier matches", example = "0.04") @Nullable BigDecimal perImage,
        @Schema(description = "Per-image prices by size, quality and steps; the first matching tier applies")
        List<ImageTier> imageTiers) {

    static PriceView of(Price price) {
        return new PriceView(price.inputPer1k(), price.outputPer1k(), price.perImage(),
                price.imageTiers().stream().map(ImageTier::of).toList());
    }

    @Schema(name = "ImageTier", description = "A per-image price up to a size, for a quality, up to a number of steps (unset = any)")
    record ImageTier(@Schema(description = "Largest width x height covered", example = "1048576") @Nullable Integer maxPixels,
            @Schema(description = "Quality covered", example = "standard") @Nullable String quality,
            @Schema(description = "Most diffusion steps covered", example = "50") @Nullable Integer maxSteps,
            @Schema(description = "USD per image", example = "0.04") BigDecimal usd) {

        static ImageTier of(Price.ImageTier tier) {
            return new ImageTier(tier.maxPixels(), tier.quality(), tier.maxSteps(), tier.usd());
        }
    }
}
