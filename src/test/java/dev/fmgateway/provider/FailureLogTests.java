package dev.fmgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An outage logs one line per model and code per interval, and counts every failure. */
class FailureLogTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    FailureLogTests() {
        Metrics.addRegistry(this.meters);
    }

    @AfterEach
    void detach() {
        Metrics.removeRegistry(this.meters);
    }

    @Test
    void aThousandFailuresLogOnceAndCountAThousand() {
        FailureLog failures = new FailureLog(10, () -> 5);
        long logged = LongStream.range(0, 1000)
            .map(i -> failures.admit("Bedrock", "m", "ThrottlingException"))
            .filter(suppressed -> suppressed >= 0)
            .count();

        assertThat(logged).isEqualTo(1);
        assertThat(this.meters.get("gateway.upstream.errors").tag("code", "ThrottlingException").counter().count())
            .isEqualTo(1000);
        assertThat(failures.admit("Bedrock", "m", "InternalServerException")).as("another code logs").isZero();
    }

    @Test
    void afterTheIntervalTheNextLineSaysHowManyWereLeftOut() {
        long[] now = { 0 };
        FailureLog failures = new FailureLog(10, () -> now[0]);
        assertThat(failures.admit("SageMaker", "m", "X")).isZero();
        assertThat(failures.admit("SageMaker", "m", "X")).isEqualTo(-1);
        assertThat(failures.admit("SageMaker", "m", "X")).isEqualTo(-1);
        now[0] = 10;
        assertThat(failures.admit("SageMaker", "m", "X")).isEqualTo(2);
    }
}
