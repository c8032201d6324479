package dev.fmgateway.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A model in the catalog, as the invocation chain routes it ({@link ModelView} is what callers see).
 *
 * @param id catalog id: the name to use in requests
 * @param name display name
 * @param vendor who made the model
 * @param backend the AWS service that serves it
 * @param family native payload format the gateway speaks to it
 * @param upstreamId Bedrock model id or inference profile id, or SageMaker endpoint name
 * @param aliases other names accepted in requests (the upstream id always is)
 * @param capabilities what the model can be asked to do
 * @param streaming whether {@code stream: true} is supported
 * @param languages languages the vendor states, if it states them
 * @param regions AWS regions where it can be called
 * @param defaultRegion region used when the caller pins none
 * @param deployments where the model can be called, in failover order
 * @param limits what the model accepts
 * @param pricing its price list
 * @param lifecycle its lifecycle as the provider announced it
 * @param description what the model is
 * @param timeout deadline of one call to this model, if it differs from the gateway's
 * @param features what it accepts beyond text turns
 */
public record CatalogModel(String id, String name, String vendor, Backend backend, PayloadFamily family,
        String upstreamId, List<String> aliases, Set<Capability> capabilities, boolean streaming,
        List<String> languages, List<String> regions, String defaultRegion, List<Deployment> deployments,
        Limits limits, Pricing pricing, Lifecycle lifecycle, @Nullable String description,
        @Nullable Duration timeout, ChatFeatures features, @Nullable Guardrail guardrail) {

    static CatalogModel of(String id, CatalogProperties.Entry entry) {
        List<Deployment> deployments = deployments(entry);
        List<String> regions = deployments.stream().map(Deployment::region).distinct().toList();
        String defaultRegion = entry.defaultRegion() != null ? entry.defaultRegion() : regions.getFirst();
        return new CatalogModel(id, entry.name(), entry.vendor(), entry.backend(), entry.family(), entry.upstreamId(),
                List.copyOf(entry.aliases()), Set.copyOf(entry.capabilities()), entry.streaming(),
                List.copyOf(entry.languages()), regions, defaultRegion, deployments,
                entry.limits() != null ? entry.limits() : Limits.none(),
                entry.pricing() != null ? entry.pricing() : new Pricing(null, null, null),
                entry.lifecycle() != null ? entry.lifecycle() : Lifecycle.active(), entry.description(),
                entry.timeout(), entry.features() != null ? entry.features() : ChatFeatures.none(), entry.guardrail());
    }

    /** The configured deployments, or one per listed region with the model's upstream id. */
    private static List<Deployment> deployments(CatalogProperties.Entry entry) {
        if (entry.deployments().isEmpty()) {
            if (entry.regions().isEmpty()) {
                throw new IllegalStateException("Model " + entry.name() + " lists neither regions nor deployments");
            }
            return entry.regions()
                .stream()
                .map(region -> new Deployment(entry.backend(), region, entry.upstreamId(), entry.family(), 0, null,
                        api(entry.backend(), entry.family(), entry.api())))
                .toList();
        }
        return entry.deployments()
            .stream()
            .map(d -> new Deployment(d.backend() != null ? d.backend() : entry.backend(), d.region(),
                    d.upstreamId() != null ? d.upstreamId() : entry.upstreamId(),
                    d.family() != null ? d.family() : entry.family(), d.priority(), d.price(),
                    api(d.backend() != null ? d.backend() : entry.backend(), d.family() != null ? d.family() : entry.family(),
                            d.api() != null ? d.api() : entry.api())))
            .toList();
    }

    private static UpstreamApi api(Backend backend, PayloadFamily family, @Nullable UpstreamApi api) {
        if (api == UpstreamApi.CONVERSE && backend != Backend.BEDROCK) {
            throw new IllegalStateException("api: CONVERSE is a Bedrock API; a " + backend + " deployment cannot use it");
        }
        if (family.converseOnly() && api != UpstreamApi.CONVERSE) {
            throw new IllegalStateException("The payload family " + family + " is served through Converse only: its "
                    + "deployments need api: converse");
        }
        return api != null ? api : UpstreamApi.INVOKE;
    }

    /** The price that applies at a deployment: its own, else the model's for the region. */
    public @Nullable Price priceAt(Deployment deployment) {
        return deployment.price() != null ? deployment.price() : this.pricing.in(deployment.region());
    }

    public boolean can(Capability capability) {
        return this.capabilities.contains(capability);
    }

    public boolean offeredIn(String region) {
        return this.regions.contains(region);
    }
}
