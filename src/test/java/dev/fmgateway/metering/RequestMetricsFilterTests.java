package dev.fmgateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.support.TestModels;

/** The metrics step times every call, tagged with the outcome the caller got. */
class RequestMetricsFilterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RequestMetricsFilter filter = new RequestMetricsFilter(this.meters);

    private final CatalogModel model = TestModels.model("m", List.of(TestModels.bedrock("us-east-1")));

    private void call(InvocationChain next) {
        this.filter.filter(TestModels.invocation(this.model, Duration.ofSeconds(5)), next);
    }

    /** The one timer registered, checked for the model's tags. */
    private Timer onlyTimer() {
        assertThat(this.meters.find("gateway.requests").timers()).hasSize(1);
        Timer timer = this.meters.get("gateway.requests").timer();
        assertThat(timer.getId().getTag("model")).isEqualTo("m");
        assertThat(timer.getId().getTag("backend")).isEqualTo("bedrock");
        assertThat(timer.getId().getTag("operation")).isEqualTo("text");
        assertThat(timer.count()).isEqualTo(1);
        return timer;
    }

    @Test
    void isTheMetricsStage() {
        assertThat(this.filter.stage()).isEqualTo(Stage.METRICS);
    }

    @Test
    void aSuccessfulCallIsOk() {
        call(invocation -> TestModels.completion(this.model, this.model.deployments().getFirst(),
                new Usage.Tokens(1, 1, false)));

        assertThat(onlyTimer().getId().getTag("outcome")).isEqualTo("ok");
    }

    @Test
    void aProblemIsTaggedWithItsCodeAndRethrown() {
        UpstreamThrottledException throttled = new UpstreamThrottledException("m", 1, true);

        assertThatThrownBy(() -> call(invocation -> {
            throw throttled;
        })).isSameAs(throttled);

        assertThat(onlyTimer().getId().getTag("outcome")).isEqualTo("UPSTREAM_THROTTLED");
    }

    @Test
    void aClientThatLeftIsClientGone() {
        TextDeltaSink.ClientGoneException gone = new TextDeltaSink.ClientGoneException(new java.io.IOException("EOF"));

        assertThatThrownBy(() -> call(invocation -> {
            throw gone;
        })).isSameAs(gone);

        assertThat(onlyTimer().getId().getTag("outcome")).isEqualTo("CLIENT_GONE");
    }

    @Test
    void anyOtherFailureIsAnInternalError() {
        assertThatThrownBy(() -> call(invocation -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(onlyTimer().getId().getTag("outcome")).isEqualTo("INTERNAL_ERROR");
    }
}
