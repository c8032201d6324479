package dev.fmgateway.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/models} and {@code GET /v1/models/{modelId}}. */
@RestController
@RequestMapping("/v1/models")
class CatalogController {

    private final ModelCatalog catalog;

    private final AvailabilityReport availability;

    CatalogController(ModelCatalog catalog, org.springframework.beans.factory.ObjectProvider<AvailabilityReport> report) {
        this.catalog = catalog;
        this.availability = report.getIfAvailable(() -> id -> null);
    }

    @GetMapping
    ModelList list(@RequestParam(required = false) @Nullable Capability capability,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String provider,
            @RequestParam(required = false) @Nullable LifecycleStatus lifecycle) {
        Predicate<CatalogModel> filter = model -> (capability == null || model.can(capability))
                && (region == null || model.offeredIn(region))
                && (provider == null || matchesProvider(model, provider))
                && (lifecycle == null || model.lifecycle().status() == lifecycle);
        List<ModelView> models = this.catalog.all().stream().filter(filter).map(this::view).toList();
        return new ModelList(models, models.size());
    }

    @GetMapping("/{modelId}")
    ModelView get(@PathVariable String modelId) {
        return view(this.catalog.require(modelId));
    }

    private ModelView view(CatalogModel model) {
        return new ModelView(model, this.availability.of(model.id()));
    }

    private static boolean matchesProvider(CatalogModel model, String provider) {
        String wanted = provider.toLowerCase(Locale.ROOT);
        return model.vendor().toLowerCase(Locale.ROOT).contains(wanted)
                || model.backend().name().equalsIgnoreCase(provider);
    }

    record ModelList(List<ModelView> models, int count) {
    }

    /** A catalog entry and, when the control plane was asked at start-up, what it said. */
    record ModelView(@JsonUnwrapped CatalogModel model, @Nullable Availability availability) {
    }
}
