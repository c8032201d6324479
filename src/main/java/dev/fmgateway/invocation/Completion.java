package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;

/**
 * A finished call: the result, the deployment that served it and, once metered, its cost.
 *
 * @param <R> the kind of result
 */
public record Completion<R extends InferenceResult>(CatalogModel model, Deployment deployment, R result,
        @Nullable Cost cost) {

    public Completion<R> withCost(Cost computed) {
        return new Completion<>(this.model, this.deployment, this.result, computed);
    }

    /** The cost, or zero when no metering step priced the call. */
    public Cost costOrZero() {
        return this.cost != null ? this.cost : Cost.zero();
    }

    /** This completion typed by its result, which must be a {@code type} (checked, no copy). */
    @SuppressWarnings("unchecked")
    <T extends InferenceResult> Completion<T> as(Class<T> type) {
        type.cast(this.result);
        return (Completion<T>) this;
    }
}
