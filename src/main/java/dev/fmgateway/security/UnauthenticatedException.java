package dev.fmgateway.security;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** No API key, or one that is not configured, where keys are required. */
class UnauthenticatedException extends GatewayException {

    UnauthenticatedException(String detail) {
        super(ProblemCode.UNAUTHENTICATED, detail);
        header("WWW-Authenticate", "Bearer realm=\"fm-gateway\"");
    }
}
