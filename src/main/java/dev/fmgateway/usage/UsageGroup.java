package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Aggregated usage of one group; the dimensions not grouped by are absent. Cost is exact decimal USD. Input tokens
 * exclude those read from or written to the prompt cache; reasoning tokens are a share of output tokens.
 */
record UsageGroup(@Nullable String model, @Nullable String apiKey, @Nullable String region, @Nullable LocalDate day,
        long requests, long failedRequests, long inputTokens, long outputTokens, long cacheReadTokens,
        long cacheWriteTokens, long reasoningTokens, long images, BigDecimal costUsd) {

    static UsageGroup total(Iterable<UsageGroup> groups) {
        long requests = 0;
        long failed = 0;
        long input = 0;
        long output = 0;
        long cacheRead = 0;
        long cacheWrite = 0;
        long reasoning = 0;
        long images = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (UsageGroup group : groups) {
            requests += group.requests;
            failed += group.failedRequests;
            input += group.inputTokens;
            output += group.outputTokens;
            cacheRead += group.cacheReadTokens;
            cacheWrite += group.cacheWriteTokens;
            reasoning += group.reasoningTokens;
            images += group.images;
            cost = cost.add(group.costUsd);
        }
        return new UsageGroup(null, null, null, null, requests, failed, input, output, cacheRead, cacheWrite, reasoning,
                images, Money.plain(cost));
    }
}
