package dev.fmgateway.resilience;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** Too many calls in flight, to one deployment or in total: rejected at once, with a hint when to retry. */
class ConcurrencyLimitException extends ApiException {

    ConcurrencyLimitException(String scope) {
        super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many concurrent requests",
                "The gateway is at its concurrency limit for " + scope + "; retry shortly");
        retryAfter(1);
    }
}
