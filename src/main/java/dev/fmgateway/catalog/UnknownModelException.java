package dev.fmgateway.catalog;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** No catalog model has this id or alias. */
public class UnknownModelException extends ApiException {

    UnknownModelException(String id, List<String> closeMatches) {
        super(HttpStatus.NOT_FOUND, "MODEL_NOT_FOUND", "Model not found", detail(id, closeMatches));
        extend("model", id);
        extend("closeMatches", closeMatches);
    }

    private static String detail(String id, List<String> closeMatches) {
        String base = "No model '" + id + "' in the catalog";
        return closeMatches.isEmpty() ? base + "; GET /v1/models lists them"
                : base + "; did you mean " + String.join(", ", closeMatches) + "?";
    }
}
