package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;

/**
 * A finished call: the result, the deployment that served it and, once metered, its cost.
 */
public record Completion(CatalogModel model, Deployment deployment, InferenceResult result, @Nullable Cost cost) {

    public Completion withCost(Cost computed) {
        return new Completion(this.model, this.deployment, this.result, computed);
    }

    /** The cost, or zero when no metering step priced the call. */
    public Cost costOrZero() {
        return this.cost != null ? this.cost : Cost.zero();
    }
}
