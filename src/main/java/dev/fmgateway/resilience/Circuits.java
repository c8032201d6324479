package dev.fmgateway.resilience;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.problem.UpstreamException;

/**
 * The one owner of circuit permits: a deployment's circuit hands out a {@link Permit} per attempt, and every
 * permit is settled exactly once, as a success, a failure of the deployment, or given back without a verdict.
 */
final class Circuits {

    private final CircuitBreakerRegistry registry;

    Circuits(CircuitBreakerRegistry registry) {
        this.registry = registry;
    }

    /** A permit to call the deployment, or null while its circuit is open (or its half-open probe is taken). */
    @Nullable Permit tryAcquire(Deployment deployment) {
        CircuitBreaker circuit = this.registry.circuitBreaker(deployment.key());
        return circuit.tryAcquirePermission() ? new Permit(circuit) : null;
    }

    /** Permission for one attempt; settling it a second time does nothing. */
    static final class Permit {

        private final CircuitBreaker circuit;

        private final long acquired = System.nanoTime();

        private boolean settled;

        private Permit(CircuitBreaker circuit) {
            this.circuit = circuit;
        }

        void succeeded() {
            if (settle()) {
                this.circuit.onSuccess(elapsed(), TimeUnit.NANOSECONDS);
            }
        }

        /**
         * Settles the attempt by its failure: a deployment fault (5xx, timeouts, connection failures) counts against
         * the circuit; throttling, the caller's own deadline and per-request errors do not.
         */
        void failed(UpstreamException failure) {
            if (!failure.deploymentFault()) {
                release();
            }
            else if (settle()) {
                this.circuit.onError(elapsed(), TimeUnit.NANOSECONDS, failure);
            }
        }

        /** Gives the permission back without a verdict (unused, or the request was at fault). */
        void release() {
            if (settle()) {
                this.circuit.releasePermission();
            }
        }

        private boolean settle() {
            boolean first = !this.settled;
            this.settled = true;
            return first;
        }

        private long elapsed() {
            return System.nanoTime() - this.acquired;
        }
    }
}
