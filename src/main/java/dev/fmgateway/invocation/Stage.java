package dev.fmgateway.invocation;

import java.util.Set;

/**
 * The invocation pipeline, declared in one place: the steps between a route and the provider adapters, outermost
 * first, each with the steps that must run before it (further out). {@link ModelInvoker} runs exactly one
 * {@link InvocationFilter} per stage, in this order, and refuses to start otherwise.
 */
public enum Stage {

    /** Times every call and counts its outcome, refusals included, so it wraps everything. */
    METRICS(Set.of()),

    /** Refuses a model outside the caller's allow-list before anything else looks at it. */
    ACCESS(Set.of()),

    /** Refuses retired models before any routing. */
    LIFECYCLE(Set.of()),

    /** Chooses the deployments the caller's region pin allows: the candidates every later step works on. */
    ROUTING(Set.of()),

    /**
     * Holds the call to the configured limits and budgets of its key, team and model: refuses it, or counts it and
     * settles its real tokens and cost when it ends. Needs the candidates to price the call's worst case, and
     * wraps the ledger and metering so that it sees the cost metering put on the completion.
     */
    LIMITS(Set.of(ACCESS, ROUTING)),

    /**
     * Records the call in the usage ledger. It wraps metering so that it records the cost metering put on the
     * completion, and needs the candidates to name the deployment of a failed call.
     */
    LEDGER(Set.of(ROUTING)),

    /** Prices the completion with the serving deployment's price; sees each completion once, after failover. */
    METERING(Set.of(ROUTING)),

    /** Retries and fails over among the candidates; innermost, so each attempt goes straight to the adapters. */
    RESILIENCE(Set.of(ROUTING, METERING));

    private final Set<Stage> after;

    Stage(Set<Stage> after) {
        this.after = after;
    }

    /** The stages that must run before (outside) this one. */
    public Set<Stage> after() {
        return this.after;
    }
}
