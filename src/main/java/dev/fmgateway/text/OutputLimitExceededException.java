package dev.fmgateway.text;

import org.springframework.http.HttpStatus;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.web.ApiException;

/** {@code maxTokens} is above what the model can produce. */
class OutputLimitExceededException extends ApiException {

    OutputLimitExceededException(CatalogModel model, int asked, int ceiling) {
        super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                "maxTokens " + asked + " is above the limit of '" + model.id() + "' (" + ceiling + ")");
        extend("fieldErrors", java.util.List.of(java.util.Map.of("field", "maxTokens", "message",
                "must be at most " + ceiling + " for this model")));
    }
}
