package dev.fmgateway.metering;

import java.math.BigDecimal;
import java.math.MathContext;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Usage;

/** Prices usage exactly, in decimal: a switch over every usage kind, so a new kind cannot go unpriced. */
final class CostCalculator {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private CostCalculator() {
    }

    static Cost costOf(Price price, Usage usage) {
        BigDecimal usd = switch (usage) {
            case Usage.Tokens(long input, long output, boolean estimated) ->
                per1k(price.inputPer1k(), input).add(per1k(price.outputPer1k(), output));
        };
        return new Cost(usd.stripTrailingZeros(), usage.estimated());
    }

    /** Whether the price names every unit this usage kind is billed in. */
    static boolean covers(Price price, Class<? extends Usage> kind) {
        if (kind == Usage.Tokens.class) {
            return price.inputPer1k() != null && price.outputPer1k() != null;
        }
        return false;
    }

    private static BigDecimal per1k(@Nullable BigDecimal unitPrice, long count) {
        if (unitPrice == null) {
            return BigDecimal.ZERO;
        }
        return unitPrice.multiply(BigDecimal.valueOf(count)).divide(THOUSAND, MathContext.UNLIMITED);
    }
}
