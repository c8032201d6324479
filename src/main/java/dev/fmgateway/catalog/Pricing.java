package dev.fmgateway.catalog;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A model's price list.
 *
 * @param source where the prices were read (a public pricing page)
 * @param asOf when they were read
 * @param regions price per region; the key {@code default} applies to regions not listed
 */
@Schema(description = "A model's price list (none for SageMaker endpoints, which bill by instance-hour)")
public record Pricing(
        @Schema(description = "Where the prices were read", example = "https://aws.amazon.com/bedrock/pricing/") @Nullable String source,
        @Schema(description = "When they were read", example = "2025-11-01") @Nullable LocalDate asOf,
        @Schema(description = "Price per AWS region; the key `default` applies to regions not listed") Map<String, Price> regions) {

    public static final String DEFAULT_REGION_KEY = "default";

    public Pricing {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** The price that applies in a region, if the model has one there. */
    public @Nullable Price in(String region) {
        Price price = this.regions.get(region);
        return price != null ? price : this.regions.get(DEFAULT_REGION_KEY);
    }
}
