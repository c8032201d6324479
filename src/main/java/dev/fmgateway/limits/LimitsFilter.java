package dev.fmgateway.limits;

import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.EndedEarly;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.Usage;

/**
 * Holds every call to the limits of its key, team and model: admits it (counting its request, its estimated input
 * tokens, a concurrency slot and a reservation of its most possible cost) or refuses it with 429, and when it ends
 * (answered, failed, or a stream ended early) settles its real tokens and cost.
 */
@Component
class LimitsFilter implements InvocationFilter {

    private final Limiter limiter;

    LimitsFilter(Limiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Stage stage() {
        return Stage.LIMITS;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        if (this.limiter.rules().isEmpty()) {
            return next.proceed(invocation);
        }
        CallEstimate estimate = CallEstimate.of(invocation);
        Limiter.Ticket ticket = this.limiter.admit(invocation.context().caller(), invocation.model().id(),
                estimate.inputTokens(), estimate.maxCostNanos());
        if (ticket == null) {
            return next.proceed(invocation);
        }
        RateLimitHeaders.write(ticket.admission().limits(), ticket.remaining());
        Completion<?> completion;
        try {
            completion = next.proceed(invocation);
        }
        catch (RuntimeException ex) {
            if (ex instanceof EndedEarly early && early.partial() != null) {
                settle(ticket, early.partial());
            }
            else {
                // Failed before an answer: the call keeps its request and input count, and costs nothing.
                this.limiter.settle(ticket, estimate.inputTokens(), 0);
            }
            throw ex;
        }
        settle(ticket, completion);
        return completion;
    }

    private void settle(Limiter.Ticket ticket, Completion<?> completion) {
        long tokens = completion.result().usage() instanceof Usage.Tokens used ? used.input() + used.output() : 0;
        this.limiter.settle(ticket, tokens, Nanos.of(completion.costOrZero().usd()));
    }
}
