package dev.fmgateway.catalog;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import java.util.List;



/** No catalog model has this id or alias. */
public class UnknownModelException extends GatewayException {

    UnknownModelException(String id, List<String> closeMatches) {
        super(ProblemCode.MODEL_NOT_FOUND, detail(id, closeMatches));
        extend("model", id);
        extend("closeMatches", closeMatches);
    }

    private static String detail(String id, List<String> closeMatches) {
        String base = "No model '" + id + "' in the catalog";
        return closeMatches.isEmpty() ? base + "; GET /v1/models lists them"
                : base + "; did you mean " + String.join(", ", closeMatches) + "?";
    }
}
