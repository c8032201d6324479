package dev.fmgateway.usage;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** A usage view that only admin keys may see. */
class AdminRequiredException extends GatewayException {

    AdminRequiredException(String detail) {
        super(ProblemCode.ADMIN_REQUIRED, detail);
    }
}
