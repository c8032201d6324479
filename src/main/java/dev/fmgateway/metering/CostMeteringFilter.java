package dev.fmgateway.metering;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.Price;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.invocation.EndedEarly;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.InferenceResult;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;

/**
 * Prices every successful call with the price of the deployment that served it, and counts tokens and cost in
 * Prometheus with catalog-only tags. A catalog that leaves a region of a model unpriced does not start.
 */
@Component
class CostMeteringFilter implements InvocationFilter {

    private final MeterRegistry meters;

    CostMeteringFilter(ModelCatalog catalog, MeterRegistry meters) {
        this.meters = meters;
        checkPrices(catalog);
    }

    @Override
    public Stage stage() {
        return Stage.METERING;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        try {
            return meter(next.proceed(invocation));
        }
        catch (RuntimeException ex) {
            // A stream that ended early (client gone, upstream failure after the first text) still consumed tokens
            // upstream: price what was produced.
            if (ex instanceof EndedEarly early && early.partial() != null) {
                throw early.withPartial(meter(early.partial()));
            }
            throw ex;
        }
    }

    private <R extends InferenceResult> Completion<R> meter(Completion<R> completion) {
        Deployment deployment = completion.deployment();
        Price price = completion.model().priceAt(deployment);
        Cost cost = price != null ? CostCalculator.costOf(price, completion.result().usage()) : Cost.zero();
        count(completion, cost);
        return completion.withCost(cost);
    }

    private void count(Completion<?> completion, Cost cost) {
        CatalogModel model = completion.model();
        String[] tags = { "model", model.id(), "backend", completion.deployment().backend().name().toLowerCase(),
                "region", completion.deployment().region(), "capability", capability(completion.result()) };
        switch (completion.result().usage()) {
            case Usage.Tokens tokens -> {
                Counter.builder("gateway.tokens").tags(tags).tag("direction", "input").register(this.meters)
                    .increment(tokens.input());
                Counter.builder("gateway.tokens").tags(tags).tag("direction", "output").register(this.meters)
                    .increment(tokens.output());
                if (tokens.cacheRead() > 0) {
                    Counter.builder("gateway.tokens").tags(tags).tag("direction", "cache_read").register(this.meters)
                        .increment(tokens.cacheRead());
                }
                if (tokens.cacheWrite() > 0) {
                    Counter.builder("gateway.tokens").tags(tags).tag("direction", "cache_write").register(this.meters)
                        .increment(tokens.cacheWrite());
                }
                if (tokens.reasoning() > 0) {
                    // A share of the output tokens: its own metric, so that summing gateway.tokens counts it once.
                    Counter.builder("gateway.reasoning.tokens").tags(tags).register(this.meters)
                        .increment(tokens.reasoning());
                }
            }
            case Usage.Images images -> Counter.builder("gateway.images").tags(tags).register(this.meters)
                .increment(images.count());
            case Usage.Requests requests -> {
            }
        }
        Counter.builder("gateway.cost").baseUnit("usd").tags(tags).register(this.meters)
            .increment(cost.usd().doubleValue());
    }

    private static String capability(InferenceResult result) {
        return switch (result) {
            case TextResult text -> "text";
            case ImageResult image -> "image";
            case EmbeddingResult embedding -> "embedding";
            case SegmentationResult segmentation -> "segmentation";
            case NativeResult nativeResult -> "native";
        };
    }

    /** Every Bedrock deployment needs a price for what its model bills (its own, else the region's); SageMaker bills by the hour. */
    private static void checkPrices(ModelCatalog catalog) {
        List<String> missing = new ArrayList<>();
        for (CatalogModel model : catalog.all()) {
            if (model.backend() == Backend.SAGEMAKER) {
                continue;
            }
            for (Deployment deployment : model.deployments()) {
                Price price = model.priceAt(deployment);
                if (price == null || !covers(model, price)) {
                    missing.add(model.id() + "@" + deployment.region());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Models without a complete price for their unit: " + missing);
        }
    }

    private static boolean covers(CatalogModel model, Price price) {
        boolean text = model.can(Capability.TEXT_GENERATION) || model.can(Capability.CHAT);
        return (!text || price.inputPer1k() != null && price.outputPer1k() != null)
                && (!model.can(Capability.EMBEDDING) || price.inputPer1k() != null)
                && (!model.can(Capability.IMAGE_GENERATION) || price.pricesImages());
    }
}
