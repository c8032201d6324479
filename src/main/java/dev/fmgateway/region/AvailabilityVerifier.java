package dev.fmgateway.region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fmgateway.catalog.Availability;
import dev.fmgateway.catalog.AvailabilityReport;
import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.aws.RegionalClients;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesResponse;

/**
 * Checks the catalog against Bedrock's control plane: per configured region, which base models are offered
 * on demand and which inference profiles exist. Mismatches are logged as warnings; the catalog route shows the
 * outcome per deployment. A region that cannot be asked is reported UNKNOWN, never as a failure to start.
 */
class AvailabilityVerifier implements AvailabilityReport {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityVerifier.class);

    private final ModelCatalog catalog;

    private final RegionalClients<BedrockAsyncClient> clients;

    private final long timeoutMillis;

    private final Map<String, Availability> byModel = new ConcurrentHashMap<>();

    AvailabilityVerifier(ModelCatalog catalog, RegionalClients<BedrockAsyncClient> clients, long timeoutMillis) {
        this.catalog = catalog;
        this.clients = clients;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public @Nullable Availability of(String modelId) {
        return this.byModel.get(modelId);
    }

    void verify() {
        Instant now = Instant.now();
        Map<String, Offer> offers = new LinkedHashMap<>();
        for (CatalogModel model : this.catalog.all()) {
            for (Deployment deployment : model.deployments()) {
                if (deployment.backend() == Backend.BEDROCK) {
                    offers.computeIfAbsent(deployment.region(), this::ask);
                }
            }
        }
        for (CatalogModel model : this.catalog.all()) {
            List<Availability.DeploymentStatus> statuses = new ArrayList<>();
            for (Deployment deployment : model.deployments()) {
                if (deployment.backend() == Backend.BEDROCK) {
                    statuses.add(offers.get(deployment.region()).check(deployment));
                }
            }
            statuses.stream()
                .filter(s -> s.status() != Availability.Status.VERIFIED)
                .forEach(s -> log.warn("Catalog model {}: {} in {} is {} ({})", model.id(), s.upstreamId(), s.region(),
                        s.status(), s.detail()));
            if (!statuses.isEmpty()) {
                this.byModel.put(model.id(), new Availability(now, statuses));
            }
        }
        log.info("Checked the catalog against Bedrock in {} regions", offers.size());
    }

    private Offer ask(String region) {
        BedrockAsyncClient client = this.clients.in(region);
        try {
            Set<String> onDemand = new HashSet<>();
            Set<String> listed = new HashSet<>();
            for (FoundationModelSummary summary : client.listFoundationModels(b -> { })
                .get(this.timeoutMillis, TimeUnit.MILLISECONDS)
                .modelSummaries()) {
                listed.add(summary.modelId());
                if (summary.inferenceTypesSupported().contains(InferenceType.ON_DEMAND)) {
                    onDemand.add(summary.modelId());
                }
            }
            Set<String> profiles = new HashSet<>();
            String token = null;
            do {
                String next = token;
                ListInferenceProfilesResponse page = client.listInferenceProfiles(b -> b.nextToken(next).maxResults(1000))
                    .get(this.timeoutMillis, TimeUnit.MILLISECONDS);
                page.inferenceProfileSummaries().forEach(p -> profiles.add(p.inferenceProfileId()));
                token = page.nextToken();
            }
            while (token != null && !token.isEmpty());
            return new Offer(region, listed, onDemand, profiles, null);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Offer(region, Set.of(), Set.of(), Set.of(), "interrupted");
        }
        catch (Exception ex) {
            log.warn("Could not ask Bedrock in {} which models it offers: {}", region, ex.toString());
            return new Offer(region, Set.of(), Set.of(), Set.of(), "control plane not reachable or not permitted");
        }
    }

    /** What one region offers. */
    private record Offer(String region, Set<String> listed, Set<String> onDemand, Set<String> profiles,
            @Nullable String error) {

        Availability.DeploymentStatus check(Deployment deployment) {
            String id = deployment.upstreamId();
            if (this.error != null) {
                return new Availability.DeploymentStatus(this.region, id, Availability.Status.UNKNOWN, this.error);
            }
            if (deployment.crossRegionProfile()) {
                return this.profiles.contains(id) ? verified(id)
                        : notOffered(id, "no such inference profile in " + this.region);
            }
            if (this.onDemand.contains(id)) {
                return verified(id);
            }
            return notOffered(id, this.listed.contains(id) ? "offered only through provisioned throughput or a profile"
                    : "not offered in " + this.region);
        }

        private Availability.DeploymentStatus verified(String id) {
            return new Availability.DeploymentStatus(this.region, id, Availability.Status.VERIFIED, null);
        }

        private Availability.DeploymentStatus notOffered(String id, String why) {
            return new Availability.DeploymentStatus(this.region, id, Availability.Status.NOT_OFFERED, why);
        }
    }
}
