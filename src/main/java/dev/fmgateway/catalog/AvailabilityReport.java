package dev.fmgateway.catalog;

import org.jspecify.annotations.Nullable;

/** The result of checking the catalog against the provider, if a check ran. */
public interface AvailabilityReport {

    /** What was verified for this model, or null when nothing was checked. */
    @Nullable Availability of(String modelId);

}
