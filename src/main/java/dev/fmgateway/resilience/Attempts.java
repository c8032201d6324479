package dev.fmgateway.resilience;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.provider.UpstreamException;
import dev.fmgateway.provider.UpstreamTimeoutException;
import dev.fmgateway.provider.UpstreamUnavailableException;

/** The state of one call's attempts: which deployments failed, how often, and the last failure. */
final class Attempts {

    private final Invocation invocation;

    private final ResilienceProperties properties;

    private final Set<Deployment> failed = new HashSet<>();

    private final Set<Deployment> full = new HashSet<>();

    private final Map<Deployment, Integer> retries = new HashMap<>();

    private int count;

    private @Nullable RuntimeException last;

    private boolean skippedOpenCircuit;

    Attempts(Invocation invocation, ResilienceProperties properties) {
        this.invocation = invocation;
        this.properties = properties;
    }

    boolean more() {
        return this.count < this.properties.maxAttempts() && !this.invocation.deadline().passed()
                && !Thread.currentThread().isInterrupted();
    }

    /** The next deployment to try, its circuit permission acquired; null when none may be tried. */
    @Nullable Deployment pick(CircuitBreakerRegistry circuitBreakers) {
        Deployment retry = null;
        for (Deployment candidate : this.invocation.candidates()) {
            if (this.full.contains(candidate)) {
                continue;
            }
            boolean fresh = !this.failed.contains(candidate);
            if (fresh && this.failed.size() >= this.properties.maxDeployments()) {
                continue;
            }
            if (!circuitBreakers.circuitBreaker(candidate.key()).tryAcquirePermission()) {
                this.skippedOpenCircuit = true;
                continue;
            }
            if (fresh) {
                release(circuitBreakers, retry);
                this.count++;
                return candidate;
            }
            if (retry == null) {
                retry = candidate;
            }
            else {
                circuitBreakers.circuitBreaker(candidate.key()).releasePermission();
            }
        }
        if (retry != null) {
            this.count++;
        }
        return retry;
    }

    private static void release(CircuitBreakerRegistry circuitBreakers, @Nullable Deployment deployment) {
        if (deployment != null) {
            circuitBreakers.circuitBreaker(deployment.key()).releasePermission();
        }
    }

    void failed(Deployment deployment, UpstreamException ex) {
        if (!this.failed.add(deployment)) {
            this.retries.merge(deployment, 1, Integer::sum);
        }
        this.last = ex;
    }

    /** A deployment at its concurrency limit is not retried: the call moves on or fails fast. */
    void rejected(Deployment deployment, RuntimeException ex) {
        this.full.add(deployment);
        this.count--;
        this.last = ex;
    }

    boolean alreadyFailed(Deployment deployment) {
        return this.failed.contains(deployment);
    }

    int retriesOf(Deployment deployment) {
        return this.retries.getOrDefault(deployment, 0) + 1;
    }

    int count() {
        return this.count;
    }

    @Nullable RuntimeException last() {
        return this.last;
    }

    RuntimeException failure() {
        if (this.last != null) {
            return this.last;
        }
        if (this.invocation.deadline().passed()) {
            return UpstreamTimeoutException.deadline(this.invocation.model().id(), "the request's deadline passed");
        }
        String why = this.skippedOpenCircuit ? "recent calls to its deployments failed, so they are paused"
                : "no deployment could take the call";
        return new UpstreamUnavailableException(this.invocation.model().id(), why,
                this.properties.openDuration().toSeconds());
    }
}
