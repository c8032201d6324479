package dev.fmgateway.metering;

import java.math.BigDecimal;
import java.math.MathContext;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Usage;

/** Prices usage exactly, in decimal: a switch over every usage kind, so a new kind cannot go unpriced. */
public final class CostCalculator {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private CostCalculator() {
    }

    public static Cost costOf(Price price, Usage usage) {
        BigDecimal usd = switch (usage) {
            // Cache reads and writes have their own prices; a price list without them charges the input price.
            // Reasoning is part of the output tokens, billed as output.
            case Usage.Tokens tokens -> per1k(price.inputPer1k(), tokens.input())
                .add(per1k(price.outputPer1k(), tokens.output()))
                .add(per1k(price.cacheReadPer1k() != null ? price.cacheReadPer1k() : price.inputPer1k(), tokens.cacheRead()))
                .add(per1k(price.cacheWritePer1k() != null ? price.cacheWritePer1k() : price.inputPer1k(),
                        tokens.cacheWrite()));
            case Usage.Images(int count, int width, int height, int steps, String quality) ->
                orZero(price.imagePrice(width, height, quality, steps)).multiply(BigDecimal.valueOf(count));
            // Billed by instance-hour, reported by the SageMaker endpoint cost report, not per call.
            case Usage.Requests(int count) -> BigDecimal.ZERO;
        };
        return new Cost(usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros(), usage.estimated());
    }

    private static BigDecimal per1k(@Nullable BigDecimal unitPrice, long count) {
        return orZero(unitPrice).multiply(BigDecimal.valueOf(count)).divide(THOUSAND, MathContext.UNLIMITED);
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value != null ? value : BigDecimal.ZERO;
    }
}
