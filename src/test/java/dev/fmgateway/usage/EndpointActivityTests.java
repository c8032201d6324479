package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.Backend;

/** Idle detection and instance-hour prices of SageMaker endpoints, with a clock the test moves. */
class EndpointActivityTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T12:00:00Z"));

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final UsageRepository repository = mock(UsageRepository.class);

    final EndpointCostProperties properties = new EndpointCostProperties(
            Map.of("sam-endpoint", new EndpointCostProperties.Endpoint("ml.g5.xlarge", 3, new BigDecimal("1.408"),
                    "us-east-1", "https://aws.amazon.com/sagemaker/pricing/", null),
                    "sdxl-endpoint", new EndpointCostProperties.Endpoint("ml.g5.2xlarge", 1, new BigDecimal("1.515"),
                            null, null, null)),
            Duration.ofHours(1));

    @Test
    void anEndpointIsIdleOnceItHadNoCallForLongerThanTheIdlePeriod() {
        when(this.repository.endpointLastCalls())
            .thenReturn(Map.of("sam-endpoint", Instant.parse("2026-11-29T11:30:00Z"), "unconfigured", Instant.EPOCH));
        EndpointActivity activity = activity();

        assertThat(activity.idleFor("sam-endpoint")).isEqualTo(Duration.ofMinutes(30));
        assertThat(activity.idle("sam-endpoint")).isFalse();
        this.clock.now = Instant.parse("2026-11-29T12:31:00Z");
        assertThat(activity.idle("sam-endpoint")).isTrue();
        assertThat(gauge("gateway.sagemaker.endpoint.idle", "sam-endpoint")).isEqualTo(61 * 60);

        activity.called(Backend.SAGEMAKER, "sam-endpoint", this.clock.now);
        activity.called(Backend.BEDROCK, "sdxl-endpoint", this.clock.now);

        assertThat(activity.idle("sam-endpoint")).isFalse();
        assertThat(activity.lastCall("sdxl-endpoint")).isNull();
        // never called: idle since the gateway started at 12:00
        assertThat(activity.idleFor("sdxl-endpoint")).isEqualTo(Duration.ofMinutes(31));
    }

    @Test
    void hourlyCostGaugeIsInstancesTimesThePrice() {
        when(this.repository.endpointLastCalls()).thenReturn(Map.of());
        activity();

        assertThat(gauge("gateway.sagemaker.endpoint.hourly.cost", "sam-endpoint")).isEqualTo(4.224);
        assertThat(gauge("gateway.sagemaker.endpoint.hourly.cost", "sdxl-endpoint")).isEqualTo(1.515);
    }

    @Test
    void reportDividesTheWindowCostByCallsInDecimal() {
        when(this.repository.endpointLastCalls()).thenReturn(Map.of());
        EndpointActivity activity = activity();
        UsageWindow window = new UsageWindow(Instant.parse("2026-11-29T00:00:00Z"),
                Instant.parse("2026-11-29T10:30:00Z"));

        EndpointCostReport.Entry entry = EndpointCostReport.Entry.of("sam-endpoint",
                this.properties.endpoints().get("sam-endpoint"), window, 7, activity);

        // 10.5 h x 3 instances x 1.408 USD = 44.352 USD; / 7 calls
        assertThat(entry.instanceHours()).isEqualByComparingTo("31.5");
        assertThat(entry.windowCostUsd()).isEqualByComparingTo("44.352");
        assertThat(entry.costPerCallUsd()).isEqualByComparingTo("6.336");
        assertThat(EndpointCostReport.Entry
            .of("sam-endpoint", this.properties.endpoints().get("sam-endpoint"), window, 0, activity)
            .costPerCallUsd()).isNull();
    }

    private EndpointActivity activity() {
        EndpointActivity activity = new EndpointActivity(this.properties, this.repository, this.clock, this.meters);
        activity.afterSingletonsInstantiated();
        return activity;
    }

    private double gauge(String name, String endpoint) {
        return this.meters.get(name).tag("endpoint", endpoint).gauge().value();
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
