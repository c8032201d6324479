package dev.fmgateway.awsnative;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.web.RequestIds;

/**
 * Bedrock's control-plane ListInferenceProfiles ({@code GET /inference-profiles}) on the same base URL as the
 * runtime routes, answered from the catalog: every system-defined cross-region profile a catalog deployment uses
 * ({@code us.}, {@code eu.}, {@code global.}, ...), for the models the caller may use. Tools such as Claude Code in
 * Bedrock mode list it first to pick their model ids. The gateway has no application profiles of its own to list.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class InferenceProfilesController {

    private static final Instant CATALOG_DATE = Instant.parse("2024-08-20T00:00:00Z");

    private final ModelCatalog catalog;

    private final NativeAuth auth;

    InferenceProfilesController(ModelCatalog catalog, NativeAuth auth) {
        this.catalog = catalog;
        this.auth = auth;
    }

    @GetMapping("/inference-profiles")
    ResponseEntity<Map<String, Object>> list(@RequestParam(name = "type", required = false) @Nullable String type,
            HttpServletRequest request) {
        Caller caller = this.auth.authenticate(request, new byte[0], AwsService.BEDROCK);
        if (type != null && !type.equals("SYSTEM_DEFINED") && !type.equals("APPLICATION")) {
            throw AwsError.validation(AwsService.BEDROCK, "1 validation error detected: Value '" + type
                    + "' at 'typeEquals' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[SYSTEM_DEFINED, APPLICATION]");
        }
        List<Map<String, Object>> summaries = new ArrayList<>();
        if (!"APPLICATION".equals(type)) {
            for (CatalogModel model : this.catalog.all()) {
                if (caller.mayUse(model.id())) {
                    profiles(model).forEach((id, regions) -> summaries.add(summary(model, id, regions)));
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inferenceProfileSummaries", summaries);
        return ResponseEntity.ok().header("x-amzn-RequestId", RequestIds.current()).body(body);
    }

    /** The model's cross-region profiles, each with the regions its deployments call it from. */
    private static Map<String, List<String>> profiles(CatalogModel model) {
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        for (Deployment deployment : model.deployments()) {
            if (deployment.backend() == Backend.BEDROCK && deployment.crossRegionProfile()) {
                profiles.computeIfAbsent(deployment.upstreamId(), id -> new ArrayList<>()).add(deployment.region());
            }
        }
        return profiles;
    }

    private static Map<String, Object> summary(CatalogModel model, String profileId, List<String> regions) {
        String baseId = profileId.substring(profileId.indexOf('.') + 1);
        String geography = profileId.substring(0, profileId.indexOf('.'));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("inferenceProfileName", geography.toUpperCase(java.util.Locale.ROOT) + " " + model.name());
        summary.put("description", "Routes requests to " + model.name() + " in " + String.join(", ", regions)
                + " (catalog model " + model.id() + ")");
        summary.put("createdAt", CATALOG_DATE.toString());
        summary.put("updatedAt", CATALOG_DATE.toString());
        summary.put("inferenceProfileArn", "arn:aws:bedrock:" + regions.getFirst() + "::inference-profile/" + profileId);
        summary.put("models", regions.stream()
            .map(region -> Map.of("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + baseId))
            .toList());
        summary.put("inferenceProfileId", profileId);
        summary.put("status", "ACTIVE");
        summary.put("type", "SYSTEM_DEFINED");
        return summary;
    }
}
