package dev.fmgateway.usage;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import java.util.List;



/** A usage query parameter that cannot be understood. */
class InvalidUsageQueryException extends GatewayException {

    InvalidUsageQueryException(String parameter, String detail) {
        super(ProblemCode.INVALID_REQUEST, detail);
        extend("parameter", parameter);
    }

    InvalidUsageQueryException(String parameter, String detail, List<String> allowedValues) {
        this(parameter, detail);
        extend("allowedValues", allowedValues);
    }
}
