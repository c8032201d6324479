package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;

/**
 * One call travelling through the filters. The region step fills {@code candidates} (the deployments the
 * caller's pin allows, best first); the resilience step picks one at a time into {@code deployment}.
 */
public record Invocation(CatalogModel model, InferenceRequest<?> request, CallContext context, Deadline deadline,
        List<Deployment> candidates, @Nullable Deployment deployment) {

    public Invocation {
        candidates = List.copyOf(candidates);
    }

    public Invocation withCandidates(List<Deployment> allowed) {
        return new Invocation(this.model, this.request, this.context, this.deadline, allowed, null);
    }

    public Invocation routedTo(Deployment chosen) {
        return new Invocation(this.model, this.request, this.context, this.deadline, this.candidates, chosen);
    }
}
