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
import dev.fmgateway.security.ModelAccess;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /openai/v1/models} and {@code GET /openai/v1/models/{model}} in OpenAI's list shape: ids are catalog
 * ids, {@code owned_by} the vendor, {@code created} the date of the catalog's price list (0 when unknown). Only the
 * models the caller's key may call are listed; asking for another is 403 {@code model_not_allowed}.
 * Any other path under {@code /openai} answers OpenAI's "invalid URL" 404.
 */
@RestController
class ModelsController {

    private final ModelCatalog catalog;

    ModelsController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/openai/v1/models")
    ModelList list(jakarta.servlet.http.HttpServletRequest request) {
        return new ModelList("list", this.catalog.all()
            .stream()
            .filter(model -> ModelAccess.visible(request, model))
            .map(ModelsController::model)
            .toList());
    }

    @GetMapping("/openai/v1/models/{model}")
    Model get(jakarta.servlet.http.HttpServletRequest request,
            @PathVariable @jakarta.validation.constraints.Size(max = 256) String model) {
        return model(ModelAccess.require(request, this.catalog.require(model)));
    }

    @RequestMapping("/openai/**")
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
