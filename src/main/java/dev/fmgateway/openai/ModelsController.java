package dev.fmgateway.openai;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import dev.fmgateway.problem.ProblemCode;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /openai/v1/models} and {@code GET /openai/v1/models/{model}} in OpenAI's list shape: ids are catalog
 * ids, {@code owned_by} the vendor, {@code created} the date of the catalog's price list (0 when unknown).
 * Any other path under {@code /openai/v1} answers OpenAI's "invalid URL" 404.
 */
@RestController
class ModelsController {

    private final ModelCatalog catalog;

    ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/openai/v1/models")
    ModelList list() {
        return new ModelList("list", this.catalog.all().stream().map(ModelsController::model).toList());
    }

    @GetMapping("/openai/v1/models/{model}")
    Model get(@PathVariable String model) {
        return model(this.catalog.require(model));
    }

    @RequestMapping("/openai/v1/**")
    void unknownRoute(jakarta.servlet.http.HttpServletRequest request) {
        throw new UnknownRouteException(request.getMethod() + " " + request.getRequestURI());
    }

    private static Model model(CatalogModel model) {
        long created = model.pricing().asOf() != null
                ? model.pricing().asOf().atStartOfDay().toEpochSecond(ZoneOffset.UTC) : 0;
        return new Model(model.id(), "model", created, model.vendor());
    }

    record ModelList(String object, List<Model> data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Model(String id, String object, long created, String ownedBy) {
    }

    static class UnknownRouteException extends GatewayException {

        UnknownRouteException(String route) {
            super(ProblemCode.ROUTE_NOT_FOUND, "Invalid URL (" + route + ")");
        }
    }
}
