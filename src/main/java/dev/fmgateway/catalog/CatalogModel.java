package dev.fmgateway.catalog;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A model in the catalog, as callers see it and as the invocation chain routes it. */
public record CatalogModel(String id, String name, String vendor, Backend backend, PayloadFamily family,
        String upstreamId, List<String> aliases, Set<Capability> capabilities, boolean streaming,
        List<String> languages, List<String> regions, String defaultRegion, Limits limits, Pricing pricing,
        Lifecycle lifecycle, @Nullable String description) {

    static CatalogModel of(String id, CatalogProperties.Entry entry) {
        String defaultRegion = entry.defaultRegion() != null ? entry.defaultRegion() : entry.regions().getFirst();
        return new CatalogModel(id, entry.name(), entry.vendor(), entry.backend(), entry.family(), entry.upstreamId(),
                List.copyOf(entry.aliases()), Set.copyOf(entry.capabilities()), entry.streaming(),
                List.copyOf(entry.languages()), List.copyOf(entry.regions()), defaultRegion,
                entry.limits() != null ? entry.limits() : Limits.none(),
                entry.pricing() != null ? entry.pricing() : new Pricing(null, null, null),
                entry.lifecycle() != null ? entry.lifecycle() : Lifecycle.active(), entry.description());
    }

    public boolean can(Capability capability) {
        return this.capabilities.contains(capability);
    }

    public boolean offeredIn(String region) {
        return this.regions.contains(region);
    }
}
