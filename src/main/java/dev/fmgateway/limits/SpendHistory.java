package dev.fmgateway.limits;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The spend the usage ledger holds for a scope over a window: where a budget's counter starts when no replica has
 * counted the window yet (a new day, a restarted Redis).
 */
public interface SpendHistory {

    BigDecimal spent(Scope scope, Instant from, Instant to);

}
