package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;

/**
 * One call travelling through the filters. {@code deployment} is null until the region step chose one.
 */
public record Invocation(CatalogModel model, InferenceRequest request, CallContext context,
        @Nullable Deployment deployment) {

    public Invocation routedTo(Deployment chosen) {
        return new Invocation(this.model, this.request, this.context, chosen);
    }
}
