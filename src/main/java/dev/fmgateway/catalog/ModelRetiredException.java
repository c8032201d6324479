package dev.fmgateway.catalog;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** The model is retired by its provider and this gateway does not serve it any more. */
public class ModelRetiredException extends GatewayException {

    private final transient CatalogModel model;

    ModelRetiredException(CatalogModel model) {
        super(ProblemCode.MODEL_RETIRED, detail(model));
        extend("model", model.id());
        if (model.lifecycle().sunsetDate() != null) {
            extend("sunsetDate", model.lifecycle().sunsetDate().toString());
        }
        if (model.lifecycle().successor() != null) {
            extend("successor", model.lifecycle().successor());
        }
        this.model = model;
    }

    /** The retired model (its lifecycle headers go on the answer). */
    public CatalogModel model() {
        return this.model;
    }

    private static String detail(CatalogModel model) {
        String successor = model.lifecycle().successor();
        return "'" + model.id() + "' has reached end of life at its provider"
                + (successor != null ? "; use '" + successor + "' instead" : "");
    }
}
