package dev.fmgateway.invocation;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code usage} and {@code cost} members of model responses.
 */
public final class UsageView {

    private UsageView() {
    }

    /** Token usage as the contract names it. */
    public record Tokens(long inputTokens, long outputTokens, boolean estimated) {

        public static Tokens of(Usage.Tokens usage) {
            return new Tokens(usage.input(), usage.output(), usage.estimated());
        }
    }

    /** Cost in USD; {@code estimated} when the usage it was computed from was estimated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CostView(BigDecimal usd, boolean estimated, @Nullable String note) {

        public static CostView of(Cost cost) {
            return new CostView(cost.usd(), cost.estimated(), null);
        }

        /** For calls to endpoints billed by the hour rather than per call. */
        public static CostView ofInstanceHours(Cost cost) {
            return new CostView(cost.usd(), cost.estimated(),
                    "billed by instance-hour; see GET /v1/usage/endpoints");
        }
    }
}
