package dev.fmgateway.security;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** The caller's key may not use this model. */
class ModelNotAllowedException extends GatewayException {

    ModelNotAllowedException(String keyName, String modelId) {
        super(ProblemCode.MODEL_NOT_ALLOWED, "The API key '" + keyName + "' may not use the model '" + modelId + "'");
        extend("model", modelId);
    }
}
