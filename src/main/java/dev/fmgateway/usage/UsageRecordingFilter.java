package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.EndedEarly;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.problem.GatewayException;

/**
 * Records every routed call in the usage ledger: successful calls with the usage and cost the metering step put
 * on the completion and the deployment that served it, failed calls with the problem code, the status, zero cost
 * and the first-choice deployment. Calls refused before routing (unknown model, no access, retired model, region
 * not offered) never reach it. Recording cannot fail the call; it waits (at most {@code gateway.ledger.append-timeout})
 * for the record to be journaled on disk before the answer goes out.
 */
@Component
class UsageRecordingFilter implements InvocationFilter {

    private static final Logger log = LoggerFactory.getLogger(UsageRecordingFilter.class);

    private final UsageLedger ledger;

    private final EndpointActivity activity;

    private final Clock clock;

    UsageRecordingFilter(UsageLedger ledger, EndpointActivity activity, Clock clock) {
        this.ledger = ledger;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return Stage.LEDGER;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        Instant at = this.clock.instant();
        long started = System.nanoTime();
        try {
            Completion<?> completion = next.proceed(invocation);
            Cost cost = completion.costOrZero();
            record(invocation, completion.deployment(), at, started, UsageCounts.of(completion.result().usage()),
                    cost.usd(), cost.estimated(), UsageRecord.OK, 200);
            return completion;
        }
        catch (RuntimeException ex) {
            if (ex instanceof EndedEarly early) {
                // A stream that ended early (the answer was 200): what the provider produced until then is billed.
                recordPartial(invocation, early.partial(), at, started, early.outcome());
            }
            else if (ex instanceof GatewayException problem) {
                record(invocation, firstChoice(invocation), at, started, UsageCounts.NONE, BigDecimal.ZERO, false,
                        problem.code().name(), problem.code().status());
            }
            else {
                record(invocation, firstChoice(invocation), at, started, UsageCounts.NONE, BigDecimal.ZERO, false,
                        "INTERNAL_ERROR", 500);
            }
            throw ex;
        }
    }

    /** A stream that ended early: what it produced (usage estimated), else nothing, at the answer's status 200. */
    private void recordPartial(Invocation invocation, @Nullable Completion<?> partial, Instant at, long started,
            String outcome) {
        if (partial == null) {
            record(invocation, firstChoice(invocation), at, started, UsageCounts.NONE, BigDecimal.ZERO, false, outcome,
                    200);
            return;
        }
        Cost cost = partial.costOrZero();
        record(invocation, partial.deployment(), at, started, UsageCounts.of(partial.result().usage()), cost.usd(),
                true, outcome, 200);
    }

    private void record(Invocation invocation, @Nullable Deployment deployment, Instant at, long started,
            UsageCounts counts, BigDecimal cost, boolean estimated, String outcome, int status) {
        try {
            CatalogModel model = invocation.model();
            CallContext context = invocation.context();
            Backend backend = deployment != null ? deployment.backend() : model.backend();
            String upstreamId = deployment != null ? deployment.upstreamId() : model.upstreamId();
            String region = deployment != null ? deployment.region() : model.defaultRegion();
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            this.ledger.record(new UsageRecord(UUID.randomUUID().toString(), at, context.requestId(), context.caller().keyName(),
                    context.caller().team(), model.id(), backend, region, upstreamId, counts, cost, estimated, latencyMs,
                    outcome, status));
            this.activity.called(backend, upstreamId, at);
        }
        catch (RuntimeException ex) {
            log.warn("Usage ledger: could not record request {}", invocation.context().requestId(), ex);
        }
    }

    /** Where a failed call was meant to go: the routed deployment, else the first candidate, else unknown. */
    private static @Nullable Deployment firstChoice(Invocation invocation) {
        if (invocation.deployment() != null) {
            return invocation.deployment();
        }
        return invocation.candidates().isEmpty() ? null : invocation.candidates().getFirst();
    }
}
