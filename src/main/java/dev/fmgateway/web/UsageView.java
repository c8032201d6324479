package dev.fmgateway.web;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Usage;

/**
 * The {@code usage} and {@code cost} members of model responses.
 */
public final class UsageView {

    private UsageView() {
    }

    /** Token usage as the contract names it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TokenUsage", description = "Tokens billed for a call")
    public record Tokens(@Schema(description = "Prompt tokens (without those read from or written to the prompt cache)",
            example = "12") long inputTokens,
            @Schema(description = "Generated tokens, reasoning included", example = "48") long outputTokens,
            @Schema(description = "True when the provider reported no counts and the gateway estimated them "
                    + "(about 4 characters per token)", example = "false") boolean estimated,
            @Schema(description = "Prompt tokens read from the prompt cache (billed at the cache-read price); "
                    + "absent when zero", example = "1042") @Nullable Long cacheReadTokens,
            @Schema(description = "Prompt tokens written to the prompt cache (billed at the cache-write price); "
                    + "absent when zero", example = "0") @Nullable Long cacheWriteTokens,
            @Schema(description = "Of outputTokens, those spent reasoning (estimated from the reasoning text: Bedrock "
                    + "bills them as output without counting them apart); absent when zero", example = "120")
            @Nullable Long reasoningTokens) {

        public static Tokens of(Usage.Tokens usage) {
            return new Tokens(usage.input(), usage.output(), usage.estimated(), nonZero(usage.cacheRead()),
                    nonZero(usage.cacheWrite()), nonZero(usage.reasoning()));
        }

        private static @Nullable Long nonZero(long count) {
            return count != 0 ? count : null;
        }
    }

    /** Cost in USD; {@code estimated} when the usage it was computed from was estimated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Cost", description = "What the call cost, computed in decimal from the catalog's price for the region")
    public record CostView(@Schema(description = "Amount in US dollars", example = "0.000252") BigDecimal usd,
            @Schema(description = "True when computed from estimated usage", example = "false") boolean estimated,
            @Schema(description = "Why the amount is not the whole story, e.g. SageMaker endpoints billed by instance-hour",
                    example = "billed by instance-hour; see GET /v1/usage/endpoints") @Nullable String note) {

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
