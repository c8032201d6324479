package dev.fmgateway.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A model's {@link Pricing} in a catalog entry. */
@Schema(name = "Pricing", description = "A model's price list (none for SageMaker endpoints, which bill by instance-hour)")
record PricingView(
        @Schema(description = "Where the prices were read", example = "https://aws.amazon.com/bedrock/pricing/") @Nullable String source,
        @Schema(description = "When they were read", example = "2025-11-01") @Nullable LocalDate asOf,
        @Schema(description = "Price per AWS region; the key `default` applies to regions not listed") Map<String, PriceView> regions) {

    static PricingView of(Pricing pricing) {
        Map<String, PriceView> regions = new LinkedHashMap<>();
        pricing.regions().forEach((region, price) -> regions.put(region, PriceView.of(price)));
        return new PricingView(pricing.source(), pricing.asOf(), regions);
    }
}
