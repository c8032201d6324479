package dev.fmgateway.limits;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * 429 {@code RATE_LIMITED} (a rate or concurrency limit) or {@code BUDGET_EXCEEDED}: names the scope and the
 * limit, with {@code Retry-After} until the minute or the budget's period starts again.
 */
class LimitExceededException extends GatewayException {

    LimitExceededException(Decision.Refused refused) {
        super(refused.kind() == Decision.Kind.BUDGET ? ProblemCode.BUDGET_EXCEEDED : ProblemCode.RATE_LIMITED,
                detail(refused));
        extend("limitScope", refused.scope().kind().wireName());
        extend("limitId", refused.scope().id());
        extend("limit", refused.kind().wireName());
        if (refused.kind() == Decision.Kind.BUDGET) {
            extend("budgetUsd", Nanos.usd(refused.limit()));
        }
        else {
            extend("limitValue", refused.limit());
        }
        retryAfter(refused.retryAfterSeconds());
        if (refused.kind() == Decision.Kind.REQUESTS || refused.kind() == Decision.Kind.TOKENS) {
            header("RateLimit-Limit", Long.toString(refused.limit()));
            header("RateLimit-Remaining", "0");
            header("RateLimit-Reset", Long.toString(Math.max(1, refused.retryAfterSeconds())));
        }
    }

    private static String detail(Decision.Refused refused) {
        return switch (refused.kind()) {
            case BUDGET -> "The spend budget of " + refused.scope() + " (" + Nanos.usd(refused.limit()).toPlainString()
                    + " USD) is used up for this period";
            case REQUESTS -> "The limit of " + refused.limit() + " requests per minute of " + refused.scope()
                    + " is reached";
            case TOKENS -> "The limit of " + refused.limit() + " tokens per minute of " + refused.scope()
                    + " is reached";
            case CONCURRENT -> "The limit of " + refused.limit() + " concurrent requests of " + refused.scope()
                    + " is reached";
        };
    }
}
