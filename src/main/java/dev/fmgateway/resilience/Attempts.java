package dev.fmgateway.resilience;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.problem.UpstreamTimeoutException;
import dev.fmgateway.problem.UpstreamUnavailableException;

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

    /** The next deployment to try with its circuit permit; null when none may be tried. */
    @Nullable Pick pick(Circuits circuits) {
        Pick retry = null;
        for (Deployment candidate : this.invocation.candidates()) {
            if (this.full.contains(candidate)) {
                continue;
            }
            boolean fresh = !this.failed.contains(candidate);
            if (fresh && this.failed.size() >= this.properties.maxDeployments() || !fresh && retry != null) {
                continue;
            }
            Circuits.Permit permit = circuits.tryAcquire(candidate);
            if (permit == null) {
                this.skippedOpenCircuit = true;
                continue;
            }
            if (!fresh) {
                retry = new Pick(candidate, permit);
                continue;
            }
            if (retry != null) {
                retry.permit().release();
            }
            this.count++;
            return new Pick(candidate, permit);
        }
        if (retry != null) {
            this.count++;
        }
        return retry;
    }

    /** A deployment to try and the permit its circuit gave for the attempt. */
    record Pick(Deployment deployment, Circuits.Permit permit) {
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
