package dev.fmgateway.region;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.InvocationOrder;
import software.amazon.awssdk.regions.Region;

/**
 * Chooses where a call goes before anything is sent: the caller's pinned region if the model is offered there,
 * else the model's default region. An unknown region name is 400, a region the model is not offered in is 422.
 */
@Component
@Order(InvocationOrder.REGION)
class RegionAvailabilityFilter implements InvocationFilter {

    private static final Set<String> AWS_REGIONS = Region.regions()
        .stream()
        .map(Region::id)
        .collect(Collectors.toUnmodifiableSet());

    @Override
    public Completion filter(Invocation invocation, InvocationChain next) {
        CatalogModel model = invocation.model();
        String pinned = invocation.context().region();
        String region = pinned != null ? pinned.trim() : model.defaultRegion();
        if (!AWS_REGIONS.contains(region)) {
            throw new UnknownRegionException(region);
        }
        if (!model.offeredIn(region)) {
            throw new RegionNotAvailableException(model, region);
        }
        return next.proceed(invocation.routedTo(new Deployment(model.backend(), region, model.upstreamId())));
    }
}
