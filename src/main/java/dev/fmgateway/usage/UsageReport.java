package dev.fmgateway.usage;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.limits.LimitStatus;

/**
 * Answer of {@code GET /v1/usage}.
 *
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param groupBy the dimensions of each group
 * @param apiKey the key the report is limited to, absent when it covers every key
 * @param groups one entry per group, ordered by the dimensions
 * @param total the sum of all groups
 * @param limits the limits that concern the caller (every limit for an admin key) and what is left of them;
 *        absent when no limits are configured
 */
record UsageReport(Instant from, Instant to, List<String> groupBy, @Nullable String apiKey, List<UsageGroup> groups,
        UsageGroup total, @Nullable List<LimitStatus> limits) {
}
