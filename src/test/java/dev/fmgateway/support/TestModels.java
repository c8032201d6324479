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
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.Usage;

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
                regions, regions.getFirst(), deployments, Limits.none(), pricing, Lifecycle.active(), null, null,
                dev.fmgateway.catalog.ChatFeatures.none(), null);
    }

    /** The same model with another lifecycle (e.g. RETIRED). */
    public static CatalogModel withLifecycle(CatalogModel model, Lifecycle lifecycle) {
        return new CatalogModel(model.id(), model.name(), model.vendor(), model.backend(), model.family(),
                model.upstreamId(), model.aliases(), model.capabilities(), model.streaming(), model.languages(),
                model.regions(), model.defaultRegion(), model.deployments(), model.limits(), model.pricing(), lifecycle,
                model.description(), model.timeout(), model.features(), model.guardrail());
    }

    /** The same model with another default region (one of its deployments' regions). */
    public static CatalogModel withDefaultRegion(CatalogModel model, String region) {
        return new CatalogModel(model.id(), model.name(), model.vendor(), model.backend(), model.family(),
                model.upstreamId(), model.aliases(), model.capabilities(), model.streaming(), model.languages(),
                model.regions(), region, model.deployments(), model.limits(), model.pricing(), model.lifecycle(),
                model.description(), model.timeout(), model.features(), model.guardrail());
    }

    public static Invocation invocation(CatalogModel model, Duration deadline) {
        return invocation(model, new CallContext("test", null, Caller.anonymous(), null), deadline);
    }

    /** A text invocation with this caller and region pin (null = none), not yet routed. */
    public static Invocation invocation(CatalogModel model, Caller caller, String region) {
        return invocation(model, new CallContext("req-1", region, caller, null), Duration.ofSeconds(5));
    }

    public static Invocation invocation(CatalogModel model, CallContext context, Duration deadline) {
        TextPrompt prompt = new TextPrompt("hi", List.of(), null, 10, null, null, List.of());
        return new Invocation(model, prompt, context, Deadline.in(deadline), model.deployments(), null);
    }

    /** A finished text call served by this deployment with these token counts. */
    public static Completion<TextResult> completion(CatalogModel model, Deployment deployment, Usage.Tokens usage) {
        return new Completion<>(model, deployment, new TextResult("ok", FinishReason.STOP, usage), null);
    }
}
