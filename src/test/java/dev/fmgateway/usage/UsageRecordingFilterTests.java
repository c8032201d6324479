package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamUnavailableException;
import dev.fmgateway.support.TestModels;

/** The ledger step: one record per routed call, successful, failed or abandoned; recording never fails a call. */
class UsageRecordingFilterTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

    private static final Deployment EAST = TestModels.bedrock("us-east-1");

    private static final Deployment WEST = TestModels.bedrock("us-west-2");

    private final CatalogModel model = TestModels.model("m", List.of(EAST, WEST));

    private final UsageLedger ledger = mock(UsageLedger.class);

    private final EndpointActivity activity = mock(EndpointActivity.class);

    private final UsageRecordingFilter filter = new UsageRecordingFilter(this.ledger, this.activity,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final Invocation invocation = TestModels.invocation(this.model,
            new CallContext("req-42", null, new Caller("billing-svc", "billing", false, null), null),
            Duration.ofSeconds(5));

    private Completion<TextResult> served(Deployment deployment, long input, long output, String usd) {
        return TestModels.completion(this.model, deployment, new Usage.Tokens(input, output, false))
            .withCost(new Cost(new BigDecimal(usd), false));
    }

    private Completion<?> call(InvocationChain next) {
        return this.filter.filter(this.invocation, next);
    }

    private UsageRecord recorded() {
        ArgumentCaptor<UsageRecord> record = ArgumentCaptor.forClass(UsageRecord.class);
        verify(this.ledger).record(record.capture());
        UsageRecord value = record.getValue();
        assertThat(value.occurredAt()).isEqualTo(NOW);
        assertThat(value.requestId()).isEqualTo("req-42");
        assertThat(value.apiKey()).isEqualTo("billing-svc");
        assertThat(value.team()).isEqualTo("billing");
        assertThat(value.model()).isEqualTo("m");
        assertThat(value.latencyMs()).isNotNegative();
        return value;
    }

    @Test
    void isTheLedgerStage() {
        assertThat(this.filter.stage()).isEqualTo(Stage.LEDGER);
    }

    @Test
    void aSuccessRecordsUsageCostAndTheServingDeployment() {
        Completion<TextResult> completion = served(WEST, 120, 30, "0.00042");

        assertThat(call(invocation -> completion)).isSameAs(completion);

        UsageRecord record = recorded();
        assertThat(record.outcome()).isEqualTo("ok");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.backend()).isEqualTo(Backend.BEDROCK);
        assertThat(record.region()).isEqualTo("us-west-2");
        assertThat(record.upstreamId()).isEqualTo(WEST.upstreamId());
        assertThat(record.counts()).isEqualTo(new UsageCounts("tokens", 120, 30, 0));
        assertThat(record.costUsd()).isEqualTo(new BigDecimal("0.00042"));
        assertThat(record.estimated()).isFalse();
        verify(this.activity).called(Backend.BEDROCK, WEST.upstreamId(), NOW);
    }

    @Test
    void anUnmeteredSuccessCostsZero() {
        call(invocation -> TestModels.completion(this.model, EAST, new Usage.Tokens(1, 1, false)));

        assertThat(recorded().costUsd()).isEqualByComparingTo("0");
    }

    @Test
    void aFailureRecordsItsCodeAndStatusAtTheFirstCandidate() {
        UpstreamUnavailableException failure = new UpstreamUnavailableException("m", "5xx", 1);

        assertThatThrownBy(() -> call(invocation -> {
            throw failure;
        })).isSameAs(failure);

        UsageRecord record = recorded();
        assertThat(record.outcome()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(record.status()).isEqualTo(503);
        assertThat(record.region()).isEqualTo("us-east-1");
        assertThat(record.counts()).isEqualTo(UsageCounts.NONE);
        assertThat(record.costUsd()).isEqualByComparingTo("0");
        assertThat(record.estimated()).isFalse();
    }

    @Test
    void anUnexpectedFailureIsAnInternalError() {
        assertThatThrownBy(() -> call(invocation -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        UsageRecord record = recorded();
        assertThat(record.outcome()).isEqualTo("INTERNAL_ERROR");
        assertThat(record.status()).isEqualTo(500);
    }

    @Test
    void aClientThatLeftAStreamIsRecordedWithThePartialUsageAsEstimated() {
        Completion<TextResult> partial = served(WEST, 50, 7, "0.0001");
        TextDeltaSink.ClientGoneException gone = new TextDeltaSink.ClientGoneException(new IOException("EOF"),
                partial);

        assertThatThrownBy(() -> call(invocation -> {
            throw gone;
        })).isSameAs(gone);

        UsageRecord record = recorded();
        assertThat(record.outcome()).isEqualTo("CLIENT_GONE");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.region()).isEqualTo("us-west-2");
        assertThat(record.counts()).isEqualTo(new UsageCounts("tokens", 50, 7, 0));
        assertThat(record.costUsd()).isEqualTo(new BigDecimal("0.0001"));
        assertThat(record.estimated()).isTrue();
    }

    @Test
    void aClientThatLeftBeforeAnythingWasProducedIsRecordedWithNoUsage() {
        assertThatThrownBy(() -> call(invocation -> {
            throw new TextDeltaSink.ClientGoneException(new IOException("EOF"));
        })).isInstanceOf(TextDeltaSink.ClientGoneException.class);

        UsageRecord record = recorded();
        assertThat(record.outcome()).isEqualTo("CLIENT_GONE");
        assertThat(record.region()).isEqualTo("us-east-1");
        assertThat(record.counts()).isEqualTo(UsageCounts.NONE);
    }

    @Test
    void aLedgerThatFailsNeverFailsTheCall() {
        when(this.ledger.record(any())).thenThrow(new IllegalStateException("database gone"));
        Completion<TextResult> completion = served(EAST, 1, 1, "0.001");

        assertThat(call(invocation -> completion)).isSameAs(completion);
    }
}
