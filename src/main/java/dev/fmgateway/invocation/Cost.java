package dev.fmgateway.invocation;

import java.math.BigDecimal;

/**
 * What a call cost, in USD, computed in decimal from the serving deployment's price.
 *
 * @param usd amount in US dollars
 * @param estimated whether the usage it was computed from was estimated
 */
public record Cost(BigDecimal usd, boolean estimated) {

    public static Cost zero() {
        return new Cost(BigDecimal.ZERO, false);
    }
}
