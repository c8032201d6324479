package dev.fmgateway.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.Lifecycle;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.catalog.Pricing;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.TextPrompt;

/** Catalog models and invocations for filter unit tests. */
public final class TestModels {

    private TestModels() {
    }

    public static Deployment bedrock(String region) {
        return new Deployment(Backend.BEDROCK, region, "anthropic.claude-test-v1:0", PayloadFamily.ANTHROPIC_MESSAGES, 0,
                null);
    }

    public static CatalogModel model(String id, List<Deployment> deployments) {
        return model(id, deployments, new Pricing(null, null, null));
    }

    public static CatalogModel model(String id, List<Deployment> deployments, Pricing pricing) {
        List<String> regions = deployments.stream().map(Deployment::region).distinct().toList();
        return new CatalogModel(id, id, "Test", Backend.BEDROCK, PayloadFamily.ANTHROPIC_MESSAGES,
                deployments.getFirst().upstreamId(), List.of(), Set.of(Capability.TEXT_GENERATION), true, List.of(),
                regions, regions.getFirst(), deployments, Limits.none(), pricing, Lifecycle.active(), null, null);
    }

    public static Invocation invocation(CatalogModel model, Duration deadline) {
        TextPrompt prompt = new TextPrompt("hi", List.of(), null, 10, null, null, List.of());
        return new Invocation(model, prompt, new CallContext("test", null, Caller.anonymous(), null),
                Deadline.in(deadline), model.deployments(), null);
    }
}
