package dev.fmgateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Usage;

/** Prices are exact decimals: no floating point, no rounding, trailing zeros stripped. */
class CostCalculatorTests {

    private static final Price TOKENS = new Price(new BigDecimal("0.00025"), new BigDecimal("0.00125"), null,
            List.of());

    /** Small standard images, then any standard image up to 50 steps, else the flat price. */
    private static final Price IMAGES = new Price(null, null, new BigDecimal("0.08"),
            List.of(new Price.ImageTier(512 * 512, "standard", null, new BigDecimal("0.008")),
                    new Price.ImageTier(null, "standard", 50, new BigDecimal("0.01")),
                    new Price.ImageTier(1024 * 1024, "premium", null, new BigDecimal("0.012"))));

    @Test
    void tokensArePricedPerThousandInAndOut() {
        Cost cost = CostCalculator.costOf(TOKENS, new Usage.Tokens(1234, 567, false));

        // 1234 * 0.00025 / 1000 + 567 * 0.00125 / 1000 = 0.0003085 + 0.00070875
        assertThat(cost.usd()).isEqualTo(new BigDecimal("0.00101725"));
        assertThat(cost.estimated()).isFalse();
    }

    @Test
    void cacheTokensHaveTheirOwnPricesAndReasoningIsOutput() {
        Price price = new Price(new BigDecimal("0.003"), new BigDecimal("0.015"), null, List.of(),
                new BigDecimal("0.0003"), new BigDecimal("0.00375"));

        // 100 * 0.003 + 50 * 0.015 (20 of them reasoning, billed as output) + 2000 * 0.0003 + 1000 * 0.00375, per 1000
        Cost cost = CostCalculator.costOf(price, new Usage.Tokens(100, 50, false, 2000, 1000, 20));

        assertThat(cost.usd()).isEqualTo(new BigDecimal("0.0054"));
    }

    @Test
    void cacheTokensWithoutCachePricesAreChargedAsInput() {
        Cost cost = CostCalculator.costOf(TOKENS, new Usage.Tokens(1000, 0, false, 1000, 1000, 0));

        assertThat(cost.usd()).isEqualTo(new BigDecimal("0.00075"));
    }

    @Test
    void exactDecimalsWithNoFloatingPointDrift() {
        Price price = new Price(new BigDecimal("0.1"), new BigDecimal("0.2"), null, List.of());

        assertThat(CostCalculator.costOf(price, new Usage.Tokens(1, 2, false)).usd())
            .isEqualTo(new BigDecimal("0.0005"));
        assertThat(CostCalculator.costOf(price, new Usage.Tokens(3, 0, false)).usd())
            .isEqualTo(new BigDecimal("0.0003"));
    }

    @Test
    void trailingZerosAreStripped() {
        Price price = new Price(new BigDecimal("0.0010"), new BigDecimal("0.0050"), null, List.of());

        assertThat(CostCalculator.costOf(price, new Usage.Tokens(2000, 1000, false)).usd())
            .isEqualTo(new BigDecimal("0.007"));
    }

    @Test
    void anUnsetTokenPriceCountsAsZero() {
        Price inputOnly = new Price(new BigDecimal("0.0001"), null, null, List.of());

        assertThat(CostCalculator.costOf(inputOnly, new Usage.Tokens(1000, 999, false)).usd())
            .isEqualTo(new BigDecimal("0.0001"));
    }

    @Test
    void estimatedUsageGivesAnEstimatedCost() {
        Cost cost = CostCalculator.costOf(TOKENS, new Usage.Tokens(4, 4, true));

        assertThat(cost.estimated()).isTrue();
        assertThat(cost.usd()).isEqualTo(new BigDecimal("0.000006"));
    }

    @Test
    void imagesArePricedByTheFirstMatchingTierTimesTheCount() {
        assertThat(CostCalculator.costOf(IMAGES, new Usage.Images(3, 512, 512, 0, "standard")).usd())
            .isEqualTo(new BigDecimal("0.024"));
        assertThat(CostCalculator.costOf(IMAGES, new Usage.Images(2, 1024, 1024, 50, "standard")).usd())
            .isEqualTo(new BigDecimal("0.02"));
        assertThat(CostCalculator.costOf(IMAGES, new Usage.Images(1, 1024, 1024, 0, "premium")).usd())
            .isEqualTo(new BigDecimal("0.012"));
    }

    @Test
    void anImageNoTierCoversGetsThePerImagePrice() {
        Cost cost = CostCalculator.costOf(IMAGES, new Usage.Images(2, 1024, 1024, 70, "standard"));

        assertThat(cost.usd()).isEqualTo(new BigDecimal("0.16"));
        assertThat(cost.estimated()).isFalse();
    }

    @Test
    void requestsBilledByTheHourCostNothingPerCall() {
        Cost cost = CostCalculator.costOf(TOKENS, new Usage.Requests(5));

        assertThat(cost.usd()).isEqualTo(BigDecimal.ZERO);
        assertThat(cost.estimated()).isFalse();
    }

    @Test
    void zeroUsageIsPlainZero() {
        assertThat(CostCalculator.costOf(TOKENS, new Usage.Tokens(0, 0, false)).usd()).isEqualTo(BigDecimal.ZERO);
        assertThat(CostCalculator.costOf(new Price(null, null, null, List.of()), new Usage.Images(2, 512, 512, 0,
                "standard")).usd()).isEqualTo(BigDecimal.ZERO);
    }
}
