package dev.fmgateway.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.regions.Region;

/**
 * Region names and geographies. A caller may pin an exact region ({@code eu-central-1}) or a geography
 * ({@code eu}: every region whose name starts with {@code eu-}), e.g. for data residency.
 */
public final class Geography {

    /** Prefixes of Bedrock's system-defined cross-region inference profiles. */
    static final Pattern PROFILE_PREFIX = Pattern.compile("(us-gov|us|eu|apac|jp|au|ca|global)\\.");

    private static final Set<String> REGIONS = Region.regions()
        .stream()
        .map(Region::id)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> GEOGRAPHIES = Set.of("us", "eu", "ap", "ca", "sa", "me", "af", "il", "mx",
            "us-gov");

    private Geography() {
    }

    public static boolean isRegion(String name) {
        return REGIONS.contains(name);
    }

    public static boolean isGeography(String name) {
        return GEOGRAPHIES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a region satisfies a pin (an exact region, or a geography prefix). */
    public static boolean matches(String pin, String region) {
        if (isGeography(pin)) {
            String geography = pin.toLowerCase(Locale.ROOT);
            boolean gov = region.startsWith("us-gov-");
            return geography.equals("us-gov") ? gov : !gov && region.startsWith(geography + "-");
        }
        return pin.equals(region);
    }
}
