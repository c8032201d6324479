package dev.fmgateway.limits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Spend counters count whole nano-dollars (10^-9 USD): integers in Redis, exact for token prices. */
final class Nanos {

    private static final BigDecimal PER_USD = BigDecimal.valueOf(1_000_000_000L);

    private Nanos() {
    }

    static long of(BigDecimal usd) {
        return usd.multiply(PER_USD).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    static BigDecimal usd(long nanos) {
        return BigDecimal.valueOf(nanos).divide(PER_USD).stripTrailingZeros();
    }
}
