package dev.fmgateway.catalog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Prices in USD for one region. Only the units that apply to the model are set.
 *
 * @param inputPer1k per 1,000 input tokens
 * @param outputPer1k per 1,000 output tokens
 */
public record Price(@Nullable BigDecimal inputPer1k, @Nullable BigDecimal outputPer1k) {
}
