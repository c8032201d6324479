package dev.fmgateway.resilience;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** Too many calls in flight, to one deployment or in total: rejected at once, with a hint when to retry. */
class ConcurrencyLimitException extends GatewayException {

    ConcurrencyLimitException(String scope) {
        super(ProblemCode.RATE_LIMITED, "The gateway is at its concurrency limit for " + scope + "; retry shortly");
        retryAfter(1);
    }
}
