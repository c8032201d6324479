package dev.fmgateway.usage;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An aggregation over the ledger: calls in {@code [from, to)}, grouped by the dimensions, of one key or of all.
 */
record UsageQuery(Instant from, Instant to, List<UsageDimension> groupBy, @Nullable String apiKey) {

    UsageQuery {
        groupBy = List.copyOf(groupBy);
    }
}
