package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimal USD amounts as the ledger stores and the usage routes show them. */
final class Money {

    /** Decimal places the ledger keeps (column {@code cost_usd NUMERIC(30, 15)}). */
    static final int SCALE = 15;

    private Money() {
    }

    /** The amount at the ledger's scale, so that what is stored is exactly what is summed. */
    static BigDecimal stored(BigDecimal usd) {
        return usd.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Without trailing zeros, and never in exponent form for whole amounts. */
    static BigDecimal plain(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
