package dev.fmgateway.metering;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.InvocationOrder;
import dev.fmgateway.invocation.Usage;

/**
 * Prices every successful call with the price of the deployment that served it, and counts tokens and cost in
 * Prometheus with catalog-only tags. A catalog that leaves a region of a model unpriced does not start.
 */
@Component
@Order(InvocationOrder.METERING)
class CostMeteringFilter implements InvocationFilter {

    private final MeterRegistry meters;

    CostMeteringFilter(ModelCatalog catalog, MeterRegistry meters) {
        this.meters = meters;
        checkPrices(catalog);
    }

    @Override
    public Completion filter(Invocation invocation, InvocationChain next) {
        Completion completion = next.proceed(invocation);
        Deployment deployment = completion.deployment();
        Price price = completion.model().pricing().in(deployment.region());
        Cost cost = price != null ? CostCalculator.costOf(price, completion.result().usage()) : Cost.zero();
        count(completion, cost);
        return completion.withCost(cost);
    }

    private void count(Completion completion, Cost cost) {
        CatalogModel model = completion.model();
        String[] tags = { "model", model.id(), "backend", model.backend().name().toLowerCase(), "region",
                completion.deployment().region() };
        if (completion.result().usage() instanceof Usage.Tokens(long input, long output, boolean estimated)) {
            Counter.builder("gateway.tokens").tags(tags).tag("direction", "input").register(this.meters)
                .increment(input);
            Counter.builder("gateway.tokens").tags(tags).tag("direction", "output").register(this.meters)
                .increment(output);
        }
        Counter.builder("gateway.cost").baseUnit("usd").tags(tags).register(this.meters)
            .increment(cost.usd().doubleValue());
    }

    private static void checkPrices(ModelCatalog catalog) {
        List<String> missing = new ArrayList<>();
        for (CatalogModel model : catalog.all()) {
            boolean text = model.can(Capability.TEXT_GENERATION) || model.can(Capability.CHAT);
            for (String region : model.regions()) {
                Price price = model.pricing().in(region);
                if (text && (price == null || !CostCalculator.covers(price, Usage.Tokens.class))) {
                    missing.add(model.id() + "@" + region);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No token price (input-per-1k and output-per-1k) for " + missing);
        }
    }
}
