package dev.fmgateway.catalog;

import java.util.Set;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** The model exists but cannot do what this route asks of it. */
public class CapabilityNotSupportedException extends ApiException {

    public CapabilityNotSupportedException(CatalogModel model, Set<Capability> wanted) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "CAPABILITY_NOT_SUPPORTED", "Capability not supported",
                "Model '" + model.id() + "' does not support " + wanted + "; it supports " + model.capabilities());
        extend("model", model.id());
        extend("capabilities", model.capabilities());
    }
}
