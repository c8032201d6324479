package dev.fmgateway.limits;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/** 503 {@code LIMITS_UNAVAILABLE}: Redis is down and the policy is to refuse calls that have limits. */
class LimitsUnavailableException extends GatewayException {

    LimitsUnavailableException(long retryAfterSeconds) {
        super(ProblemCode.LIMITS_UNAVAILABLE,
                "The limits of this call cannot be checked (their store is unreachable); retry shortly");
        retryAfter(retryAfterSeconds);
    }
}
