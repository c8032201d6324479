package dev.fmgateway.awsnative;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.PayloadFamily;

/**
 * Resolves the model id of a native call to a catalog model, the payload family its body must be in, and the pin
 * the id carries. Accepted: catalog ids and aliases, the upstream id of any deployment, base model ids, system
 * inference profile ids ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}, ...: the geography is the pin),
 * and ARNs of foundation models (the region is the pin) and of inference profiles; an application inference
 * profile ARN resolves when a catalog model lists it among its aliases.
 */
@Component
class NativeModels {

    /** System inference profile prefix and the geography it pins ({@code global} pins none). */
    private static final Pattern PROFILE = Pattern.compile("(us-gov|us|eu|apac|jp|au|ca|global)\\.(.+)");

    private static final Pattern ARN = Pattern
        .compile("arn:aws[a-z-]*:(bedrock|sagemaker):([a-z0-9-]*):[0-9]*:([a-z-]+)/(.+)");

    private static final Map<String, String> GEOGRAPHY = Map.of("us", "us", "eu", "eu", "apac", "ap", "jp", "ap",
            "au", "ap", "ca", "ca", "us-gov", "us-gov");

    private final ModelCatalog catalog;

    /** Upstream ids of deployments, and the same without their profile prefix, lower case. */
    private final Map<String, CatalogModel> byUpstreamId = new HashMap<>();

    private final Map<String, CatalogModel> byBaseId = new HashMap<>();

    NativeModels(ModelCatalog catalog) {
        this.catalog = catalog;
        for (CatalogModel model : catalog.all()) {
            for (Deployment deployment : model.deployments()) {
                String id = deployment.upstreamId().toLowerCase(Locale.ROOT);
                this.byUpstreamId.putIfAbsent(id, model);
                Matcher profile = PROFILE.matcher(id);
                this.byBaseId.putIfAbsent(profile.matches() ? profile.group(2) : id, model);
            }
        }
    }

    /**
     * A resolved native call target.
     *
     * @param model the catalog model
     * @param family the payload family the caller's body is in (that of the deployment its id names, else the
     * model's best deployment on the service)
     * @param pin the region or geography the id names, if any
     */
    record Target(CatalogModel model, PayloadFamily family, @Nullable String pin) {
    }

    /** The target of a Bedrock model id, as sent (already URL-decoded). */
    Target bedrock(String modelId) {
        Target target = resolve(modelId, AwsService.BEDROCK);
        if (target == null) {
            throw AwsError.notFound("The model '" + modelId + "' is not in the gateway's catalog.");
        }
        return target;
    }

    /** The target of a SageMaker endpoint name. */
    Target sageMaker(String endpointName) {
        Target target = resolve(endpointName, AwsService.SAGEMAKER);
        if (target == null) {
            throw AwsError.notFound("Endpoint " + endpointName + " is not in the gateway's catalog.");
        }
        return target;
    }

    private @Nullable Target resolve(String id, AwsService service) {
        CatalogModel named = this.catalog.find(id);
        if (named != null) {
            return target(named, id, profilePin(id), service);
        }
        String lower = id.toLowerCase(Locale.ROOT);
        CatalogModel deployed = this.byUpstreamId.get(lower);
        if (deployed != null) {
            return target(deployed, id, profilePin(id), service);
        }
        Matcher arn = ARN.matcher(id);
        if (arn.matches()) {
            return switch (arn.group(3)) {
                case "foundation-model" -> withPin(resolve(arn.group(4), service), arn.group(2));
                case "inference-profile", "endpoint" -> resolve(arn.group(4), service);
                default -> null;
            };
        }
        Matcher profile = PROFILE.matcher(lower);
        String base = profile.matches() ? profile.group(2) : lower;
        CatalogModel model = this.byBaseId.get(base);
        if (model == null) {
            model = this.catalog.find(base);
        }
        return model == null ? null : target(model, id, profilePin(id), service);
    }

    private @Nullable Target withPin(@Nullable Target target, String region) {
        return target == null || region.isEmpty() ? target : new Target(target.model(), target.family(), region);
    }

    /** The family: that of the deployment the id names, else of the model's best deployment on this service. */
    private static Target target(CatalogModel model, String id, @Nullable String pin, AwsService service) {
        Backend backend = service.backend();
        List<Deployment> onService = model.deployments()
            .stream()
            .filter(d -> d.backend() == backend)
            .sorted(Comparator.comparingInt(Deployment::priority))
            .toList();
        if (onService.isEmpty()) {
            throw AwsError.validation(service, "The model '" + model.id() + "' is not served by "
                    + (backend == Backend.BEDROCK ? "Bedrock here; call it as a SageMaker endpoint."
                            : "a SageMaker endpoint here; call it through Bedrock (/model/{modelId}/invoke)."));
        }
        PayloadFamily family = onService.stream()
            .filter(d -> d.upstreamId().equalsIgnoreCase(id))
            .findFirst()
            .orElse(onService.getFirst())
            .family();
        return new Target(model, family, pin);
    }

    private static @Nullable String profilePin(String id) {
        Matcher profile = PROFILE.matcher(id.toLowerCase(Locale.ROOT));
        return profile.matches() ? GEOGRAPHY.get(profile.group(1)) : null;
    }
}
