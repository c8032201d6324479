package dev.fmgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.fmgateway.resilience.UpstreamSimulation.Answer;

/**
 * The adaptive limit driven by simulated upstreams ({@link UpstreamSimulation}): it never holds back load a healthy
 * upstream serves, and it shrinks under throttling and latency growth.
 */
class AdaptiveLimitTests {

    private static final Random RANDOM = new Random(42);

    /** A healthy upstream: 200 ms +- 50 ms, whatever the load. */
    private static Answer healthy(long nowMs, int inFlight) {
        return new Answer(150 + RANDOM.nextInt(101), false);
    }

    private static Answer throttlingEverything(long nowMs, int inFlight) {
        return new Answer(5, true);
    }

    @Test
    void aThousandClientsOfAHealthyUpstreamNeverWaitAndTheLimitGrowsToItsMaximum() {
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 1000,
                AdaptiveLimitTests::healthy);

        sim.run(30_000);

        assertThat(sim.waitingClientMs).isZero();
        assertThat(sim.lowestLimit).isEqualTo(1000);
        assertThat(sim.limit()).isEqualTo(2000);
        assertThat(sim.peakInFlight).isEqualTo(1000);
        assertThat(sim.sent).isGreaterThan(140_000); // 1,000 clients / 200 ms for 30 s
    }

    @Test
    void aSlowButSteadyUpstreamUnderTheGatewaysOwnLoadDoesNotShrinkTheLimit() {
        // Latency that grows with the calls in flight (a CPU-bound gateway's own queueing shows up in the
        // upstream latency it measures) ramps up with the clients: 200 ms alone, 700 ms at 1,000 in flight.
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 1000,
                (now, inFlight) -> new Answer(200 + inFlight / 2, false));

        sim.run(30_000);

        // Calls may wait while the limit adapts, but never longer than the queue's 2 s (queue-wait): none is refused.
        assertThat(sim.longestWaitMs).isLessThan(2000);
        assertThat(sim.mostWaiting).isLessThan(1000);
        assertThat(sim.limit()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aFloodAgainstAThrottlingUpstreamIsHeldAtTheMinimum() {
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 1000,
                AdaptiveLimitTests::throttlingEverything);

        sim.run(1_000);
        assertThat(sim.limit()).isEqualTo(16);
        sim.reset();
        sim.run(10_000);

        assertThat(sim.limit()).isEqualTo(16);
        assertThat(sim.peakInFlight).isEqualTo(16);
        // At most 16 calls every 5 ms reach the upstream instead of 1,000.
        assertThat(sim.sent).isLessThanOrEqualTo(16 * 10_000 / 5);

        // The upstream recovers: within 6 s the limit is back above the clients, and none waits any more.
        sim.upstream(AdaptiveLimitTests::healthy);
        sim.run(6_000);
        sim.reset();
        sim.run(5_000);
        assertThat(sim.lowestLimit).isGreaterThanOrEqualTo(1000);
        assertThat(sim.waitingClientMs).isZero();
    }

    @Test
    void throttlingAboveACapacitySettlesTheLimitNearThatCapacity() {
        // The upstream serves 300 calls at once and throttles (quickly) beyond.
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 1000,
                (now, inFlight) -> inFlight > 300 ? new Answer(10, true) : healthy(now, inFlight));

        sim.run(10_000);
        sim.reset();
        sim.run(20_000);

        assertThat(sim.lowestLimit).isGreaterThanOrEqualTo(200);
        assertThat(sim.highestLimit).isLessThanOrEqualTo(400);
        // Without the limit 700 of the 1,000 calls in flight would be throttled, each every 10 ms.
        assertThat((double) sim.throttled / sim.sent).isLessThan(0.2);
    }

    @Test
    void latencyGrowthUnderLoadShrinksTheLimitUntilItIsTheNewNormal() {
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 1000,
                AdaptiveLimitTests::healthy);
        sim.run(10_000);
        assertThat(sim.limit()).isEqualTo(2000);

        sim.upstream((now, inFlight) -> new Answer(1000, false));
        sim.reset();
        sim.run(5_000);
        assertThat(sim.lowestLimit).isLessThan(1000);

        sim.reset();
        sim.run(60_000);
        assertThat(sim.limit()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void latencyGrowthWithTheLimitFarFromReachedChangesNothing() {
        UpstreamSimulation sim = new UpstreamSimulation(UpstreamSimulation.limit(1000, 16, 2000), 10,
                AdaptiveLimitTests::healthy);
        sim.run(5_000);
        sim.upstream((now, inFlight) -> new Answer(2000, false));
        sim.run(20_000);

        assertThat(sim.lowestLimit).isEqualTo(1000);
        assertThat(sim.highestLimit).isEqualTo(1000);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new AdaptiveLimit(10, 20, 100, 2.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveLimit(10, 1, 5, 2.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveLimit(10, 1, 100, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
