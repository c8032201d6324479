package dev.fmgateway.security;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** The caller's key may not use this model. */
class ModelNotAllowedException extends ApiException {

    ModelNotAllowedException(String keyName, String modelId) {
        super(HttpStatus.FORBIDDEN, "MODEL_NOT_ALLOWED", "Model not allowed",
                "The API key '" + keyName + "' may not use the model '" + modelId + "'");
        extend("model", modelId);
    }
}
