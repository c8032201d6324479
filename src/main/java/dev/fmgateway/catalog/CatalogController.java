package dev.fmgateway.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.security.ModelAccess;

/** {@code GET /v1/models} and {@code GET /v1/models/{modelId}}. */
@RestController
@RequestMapping("/v1/models")
@Tag(name = "Catalog")
class CatalogController {

    private final ModelCatalog catalog;

    private final AvailabilityReport availability;

    CatalogController(ModelCatalog catalog, org.springframework.beans.factory.ObjectProvider<AvailabilityReport> report) {
        this.catalog = catalog;
        this.availability = report.getIfAvailable(() -> id -> null);
    }

    @GetMapping
    @Operation(operationId = "listModels", summary = "List the catalog",
            description = "The models the gateway serves that the caller's API key may call, optionally filtered; "
                    + "filters combine with AND.")
    ModelList list(HttpServletRequest request,
            @Parameter(description = "Only models with this capability") @Schema(enumAsRef = true)
            @RequestParam(required = false) @Nullable Capability capability,
            @Parameter(description = "Only models offered in this AWS region", example = "eu-central-1")
            @RequestParam(required = false) @Nullable @Size(max = 32) String region,
            @Parameter(description = "Only models of this vendor (substring, any case) or backend (BEDROCK, SAGEMAKER)",
                    example = "anthropic") @RequestParam(required = false) @Nullable @Size(max = 256) String provider,
            @Parameter(description = "Only models in this lifecycle status") @Schema(enumAsRef = true)
            @RequestParam(required = false) @Nullable LifecycleStatus lifecycle) {
        Predicate<CatalogModel> filter = model -> (capability == null || model.can(capability))
                && (region == null || model.offeredIn(region))
                && (provider == null || matchesProvider(model, provider))
                && (lifecycle == null || model.lifecycle().status() == lifecycle)
                && ModelAccess.visible(request, model);
        List<ModelView> models = this.catalog.all().stream().filter(filter).map(this::view).toList();
        return new ModelList(models, models.size());
    }

    @GetMapping("/{modelId}")
    @Operation(operationId = "getModel", summary = "Get one model",
            description = "One catalog entry, by catalog id or any alias (e.g. the native Bedrock model id). A model "
                    + "the caller's API key may not call is 403 MODEL_NOT_ALLOWED, as calling it would be.")
    ModelView get(HttpServletRequest request,
            @Parameter(description = "Catalog id or alias", example = "claude-haiku-4-5") @PathVariable @Size(max = 256) String modelId) {
        return view(ModelAccess.require(request, this.catalog.require(modelId)));
    }

    private ModelView view(CatalogModel model) {
        return ModelView.of(model, this.availability.of(model.id()));
    }

    private static boolean matchesProvider(CatalogModel model, String provider) {
        String wanted = provider.toLowerCase(Locale.ROOT);
        return model.vendor().toLowerCase(Locale.ROOT).contains(wanted)
                || model.backend().name().equalsIgnoreCase(provider);
    }

    @Schema(description = "Catalog entries matching the filters")
    record ModelList(@Schema(description = "The models, in catalog order") List<ModelView> models,
            @Schema(description = "Number of models returned", example = "3") int count) {
    }
}
