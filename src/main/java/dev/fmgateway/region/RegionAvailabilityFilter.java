package dev.fmgateway.region;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.Geography;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;

/**
 * Decides, before anything is sent, which deployments may serve the call: those in the caller's pinned region
 * or geography, else all of the model's; ordered by priority, the model's default region first among equals.
 * An unknown region or geography is 400; a pin the model is not offered in is 422 with the regions it is.
 */
@Component
class RegionAvailabilityFilter implements InvocationFilter {

    @Override
    public Stage stage() {
        return Stage.ROUTING;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        CatalogModel model = invocation.model();
        String pin = invocation.context().region() != null ? invocation.context().region().trim() : null;
        if (pin != null && !Geography.isRegion(pin) && !Geography.isGeography(pin)) {
            throw new UnknownRegionException(pin);
        }
        List<Deployment> allowed = model.deployments()
            .stream()
            .filter(d -> pin == null || Geography.matches(pin, d.region()))
            .filter(invocation.request()::servedBy)
            .sorted(Comparator.comparingInt(Deployment::priority)
                .thenComparing(d -> !d.region().equals(model.defaultRegion())))
            .toList();
        if (allowed.isEmpty()) {
            throw new RegionNotAvailableException(model, pin);
        }
        return next.proceed(invocation.withCandidates(allowed));
    }
}
