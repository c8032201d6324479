package dev.fmgateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.problem.UpstreamUnavailableException;
import dev.fmgateway.problem.UpstreamValidationException;
import dev.fmgateway.support.TestModels;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/** The resilience step with a scripted upstream: retries, failover, circuits, concurrency limits, deadlines. */
class ResilienceFilterTests {

    private static final Deployment EAST = TestModels.bedrock("us-east-1");

    private static final Deployment WEST = TestModels.bedrock("us-west-2");

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A filter that retries every retriable failure (retry-non-idempotent on), as most tests here need. */
    private ResilienceFilter filter(int maxAttempts, int minimumCalls, Duration openDuration, int perDeployment) {
        return filter(maxAttempts, minimumCalls, openDuration, perDeployment, true);
    }

    private ResilienceFilter filter(int maxAttempts, int minimumCalls, Duration openDuration, int perDeployment,
            boolean retryNonIdempotent) {
        return filter(maxAttempts, minimumCalls, openDuration,
                new ResilienceProperties.Concurrency(perDeployment, perDeployment, perDeployment, 2.0, 0, Duration.ZERO),
                retryNonIdempotent);
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ResilienceFilter filter(int maxAttempts, int minimumCalls, Duration openDuration,
            ResilienceProperties.Concurrency concurrency, boolean retryNonIdempotent) {
        ResilienceProperties properties = new ResilienceProperties(Duration.ofSeconds(5), maxAttempts, 3,
                Duration.ofMillis(5), Duration.ofSeconds(2), 50, minimumCalls, minimumCalls, openDuration,
                concurrency, 100, retryNonIdempotent);
        ResilienceConfiguration configuration = new ResilienceConfiguration();
        CircuitBreakerRegistry circuits = configuration.circuitBreakers(properties, this.meters);
        return new ResilienceFilter(properties, circuits, configuration.concurrencyLimiters(properties, this.meters),
                this.meters);
    }

    private Completion run(ResilienceFilter filter, CatalogModel model, Function<Deployment, RuntimeException> outcome) {
        return filter.filter(TestModels.invocation(model, Duration.ofSeconds(5)), (Invocation routed) -> {
            Deployment deployment = routed.deployment();
            this.calls.add(deployment.region());
            RuntimeException failure = outcome.apply(deployment);
            if (failure != null) {
                throw failure;
            }
            return new Completion(model, deployment,
                    new TextResult("ok", FinishReason.STOP, new Usage.Tokens(1, 1, false)), null);
        });
    }

    @Test
    void failsOverToTheNextDeploymentOnThrottling() {
        CatalogModel model = TestModels.model("m", List.of(EAST, WEST));

        Completion completion = run(filter(3, 100, Duration.ofSeconds(30), 10), model,
                d -> d == EAST ? new UpstreamThrottledException("m", 1, true) : null);

        assertThat(completion.deployment()).isEqualTo(WEST);
        assertThat(this.calls).containsExactly("us-east-1", "us-west-2");
    }

    @Test
    void byDefaultOnlyFailuresThatNeverReachedTheModelAreRetried() {
        CatalogModel model = TestModels.model("m", List.of(EAST, WEST));
        ResilienceFilter safe = filter(3, 100, Duration.ofSeconds(30), 10, false);

        assertThatThrownBy(() -> run(safe, model, d -> d == EAST ? new UpstreamErrorException("m", "500", true) : null))
            .isInstanceOf(UpstreamErrorException.class);
        assertThat(this.calls).containsExactly("us-east-1");

        this.calls.clear();
        Completion<?> completion = run(safe, model,
                d -> d == EAST ? new UpstreamErrorException("m", "503", true).beforeTheModel() : null);
        assertThat(completion.deployment()).isEqualTo(WEST);
        assertThat(this.calls).containsExactly("us-east-1", "us-west-2");
    }

    @Test
    void aModelErrorOfOneRequestDoesNotCountAgainstTheDeployment() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 10, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> run(filter, model,
                    d -> new UpstreamErrorException("m", "model failed", true).ofTheRequest()))
                .isInstanceOf(UpstreamErrorException.class);
        }
        assertThat(run(filter, model, d -> null).deployment()).isEqualTo(EAST);
    }

    @Test
    void throttlingNeverOpensTheCircuit() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 10, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 1000; i++) {
            assertThatThrownBy(() -> run(filter, model, d -> new UpstreamThrottledException("m", 1, true)))
                .isInstanceOf(UpstreamThrottledException.class);
        }

        assertThat(run(filter, model, d -> null).deployment()).isEqualTo(EAST);
        assertThat(this.calls).hasSize(1001);
    }

    @Test
    void upstreamFailuresStillOpenTheCircuit() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 10, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> run(filter, model, d -> new UpstreamUnavailableException("m", "5xx", 1)))
                .isInstanceOf(UpstreamUnavailableException.class);
        }

        assertThatThrownBy(() -> run(filter, model, d -> null)).isInstanceOfSatisfying(GatewayException.class,
                ex -> assertThat(ex.detail()).contains("paused"));
        assertThat(this.calls).hasSize(10);
    }

    @Test
    void retriesTheSameDeploymentThenSucceeds() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        int[] failures = { 2 };

        Completion completion = run(filter(3, 100, Duration.ofSeconds(30), 10), model,
                d -> failures[0]-- > 0 ? new UpstreamUnavailableException("m", "5xx", 1) : null);

        assertThat(completion.deployment()).isEqualTo(EAST);
        assertThat(this.calls).hasSize(3);
    }

    @Test
    void neverRetriesValidationErrors() {
        CatalogModel model = TestModels.model("m", List.of(EAST, WEST));

        assertThatThrownBy(() -> run(filter(3, 100, Duration.ofSeconds(30), 10), model,
                d -> new UpstreamValidationException("m", "bad"))).isInstanceOf(UpstreamValidationException.class);
        assertThat(this.calls).containsExactly("us-east-1");
    }

    @Test
    void honoursAnUpstreamRetryAfterBeforeRetryingTheSameDeployment() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        int[] failures = { 1 };
        long started = System.nanoTime();

        run(filter(2, 100, Duration.ofSeconds(30), 10), model,
                d -> failures[0]-- > 0 ? new UpstreamThrottledException("m", 1, true) : null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(this.calls).hasSize(2);
    }

    @Test
    void givesUpWhenTheRetryAfterWouldPassTheDeadline() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(3, 100, Duration.ofSeconds(30), 10);

        assertThatThrownBy(() -> filter.filter(TestModels.invocation(model, Duration.ofMillis(300)), routed -> {
            this.calls.add(routed.deployment().region());
            throw new UpstreamThrottledException("m", 2, true);
        })).isInstanceOf(UpstreamThrottledException.class);
        assertThat(this.calls).hasSize(1);
    }

    @Test
    void openCircuitSkipsTheDeploymentAndRecovers() throws InterruptedException {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 2, Duration.ofMillis(300), 10);
        Function<Deployment, RuntimeException> failing = d -> new UpstreamUnavailableException("m", "5xx", 1);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> run(filter, model, failing)).isInstanceOf(UpstreamUnavailableException.class);
        }
        this.calls.clear();

        assertThatThrownBy(() -> run(filter, model, d -> null)).isInstanceOfSatisfying(GatewayException.class, ex -> {
            assertThat(ex.code().status()).isEqualTo(503);
            assertThat(ex.detail()).contains("paused");
            assertThat(ex.headers().get("Retry-After")).isNotNull();
        });
        assertThat(this.calls).isEmpty();

        Thread.sleep(400);
        assertThat(run(filter, model, d -> null).deployment()).isEqualTo(EAST);
    }

    @Test
    void theCallersOwnDeadlineNeverOpensTheDeploymentsCircuit() {
        CatalogModel model = TestModels.model("m", List.of(EAST, WEST));
        ResilienceFilter filter = filter(3, 2, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> run(filter, model,
                    d -> dev.fmgateway.problem.UpstreamTimeoutException.deadline("m", "deadline")))
                .isInstanceOf(dev.fmgateway.problem.UpstreamTimeoutException.class);
        }
        assertThat(this.calls).containsOnly("us-east-1").hasSize(5);

        assertThat(run(filter, model, d -> null).deployment()).isEqualTo(EAST);
    }

    @Test
    void aDeploymentAtItsLimitWithNoQueueRejectsAtOnce() throws InterruptedException {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(3, 100, Duration.ofSeconds(30), 1);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> run(filter, model, d -> {
            inFlight.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> run(filter, model, d -> null)).isInstanceOfSatisfying(GatewayException.class, ex -> {
            assertThat(ex.code()).isEqualTo(ProblemCode.RATE_LIMITED);
            assertThat(ex.headers().get("Retry-After")).isEqualTo("1");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        release.countDown();
        holder.join();
    }

    @Test
    void aCallBeyondTheLimitWaitsInTheQueueForRoom() throws InterruptedException {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 100, Duration.ofSeconds(30),
                new ResilienceProperties.Concurrency(1, 1, 1, 2.0, 10, Duration.ofSeconds(3)), true);
        CountDownLatch inFlight = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> run(filter, model, d -> {
            inFlight.countDown();
            sleep(300);
            return null;
        }));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThat(run(filter, model, d -> null).deployment()).isEqualTo(EAST);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        holder.join();
        assertThat(this.calls).hasSize(2);
    }

    @Test
    void theQueueWaitNeverPassesTheCallersDeadline() throws InterruptedException {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 100, Duration.ofSeconds(30),
                new ResilienceProperties.Concurrency(1, 1, 1, 2.0, 10, Duration.ofSeconds(10)), true);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> run(filter, model, d -> {
            inFlight.countDown();
            await(release);
            return null;
        }));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> filter.filter(TestModels.invocation(model, Duration.ofMillis(300)), routed -> null))
            .isInstanceOfSatisfying(GatewayException.class,
                    ex -> assertThat(ex.code()).isEqualTo(ProblemCode.RATE_LIMITED));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(2));
        assertThat(this.meters.get("gateway.concurrency.refused").tag("deployment", EAST.key()).counter().count())
            .isEqualTo(1);
        release.countDown();
        holder.join();
    }

    @Test
    void throttlingShrinksTheDeploymentsLimitAndItsGaugeShowsIt() {
        CatalogModel model = TestModels.model("m", List.of(EAST));
        ResilienceFilter filter = filter(1, 100, Duration.ofSeconds(30),
                new ResilienceProperties.Concurrency(1000, 16, 2000, 2.0, 0, Duration.ZERO), true);
        run(filter, model, d -> null);
        assertThat(this.meters.get("gateway.concurrency.limit").tag("deployment", EAST.key()).gauge().value())
            .isEqualTo(1000);

        long until = System.nanoTime() + Duration.ofMillis(250).toNanos();
        while (System.nanoTime() < until) {
            assertThatThrownBy(() -> run(filter, model, d -> new UpstreamThrottledException("m", 1, true)))
                .isInstanceOf(UpstreamThrottledException.class);
        }

        assertThat(this.meters.get("gateway.concurrency.limit").tag("deployment", EAST.key()).gauge().value())
            .isEqualTo(16);
        assertThat(this.meters.get("gateway.concurrency.in.flight").tag("deployment", EAST.key()).gauge().value())
            .isZero();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
