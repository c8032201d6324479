package dev.fmgateway.openai;

import java.util.List;
import java.util.Map;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * A {@code previous_response_id} or {@code item_reference} that names no stored response of the caller's key (never
 * stored, stored with {@code store: false}, expired, or another key's): a 400 with OpenAI's code
 * {@code previous_response_not_found}.
 */
class PreviousResponseNotFoundException extends GatewayException {

    static final String CODE = "previous_response_not_found";

    PreviousResponseNotFoundException(String param, String message) {
        super(ProblemCode.INVALID_REQUEST, message);
        extend("fieldErrors", List.of(Map.of("field", param, "message", message)));
    }

    static PreviousResponseNotFoundException response(String id) {
        return new PreviousResponseNotFoundException("previous_response_id",
                "Previous response with id '" + id + "' not found.");
    }

    static PreviousResponseNotFoundException item(String id) {
        return new PreviousResponseNotFoundException("input", "Item with id '" + id + "' not found.");
    }
}
