package dev.fmgateway.web;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import java.util.List;
import java.util.Map;


/** A field is valid JSON but not acceptable for this model or route (400 {@code INVALID_REQUEST}). */
public class InvalidRequestException extends GatewayException {

    public InvalidRequestException(String field, String message) {
        super(ProblemCode.INVALID_REQUEST, field + " " + message);
        extend("fieldErrors", List.of(Map.of("field", field, "message", message)));
    }
}
