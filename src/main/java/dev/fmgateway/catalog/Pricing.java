package dev.fmgateway.catalog;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A model's price list.
 *
 * @param source where the prices were read (a public pricing page)
 * @param asOf when they were read
 * @param regions price per region; the key {@code default} applies to regions not listed
 */
public record Pricing(@Nullable String source, @Nullable LocalDate asOf, Map<String, Price> regions) {

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
