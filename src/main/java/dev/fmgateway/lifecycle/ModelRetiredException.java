package dev.fmgateway.lifecycle;

import org.springframework.http.HttpStatus;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.ModelResponseHeaders;
import dev.fmgateway.web.ApiException;

/** The model is retired by its provider and this gateway does not serve it any more. */
class ModelRetiredException extends ApiException {

    ModelRetiredException(CatalogModel model) {
        super(HttpStatus.GONE, "MODEL_RETIRED", "Model retired", detail(model));
        extend("model", model.id());
        if (model.lifecycle().sunsetDate() != null) {
            extend("sunsetDate", model.lifecycle().sunsetDate().toString());
        }
        if (model.lifecycle().successor() != null) {
            extend("successor", model.lifecycle().successor());
        }
        ModelResponseHeaders.lifecycle(model, getHeaders());
    }

    private static String detail(CatalogModel model) {
        String successor = model.lifecycle().successor();
        return "'" + model.id() + "' has reached end of life at its provider"
                + (successor != null ? "; use '" + successor + "' instead" : "");
    }
}
