package dev.fmgateway.catalog;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import java.util.Set;



/** The model exists but cannot do what this route asks of it. */
public class CapabilityNotSupportedException extends GatewayException {

    public CapabilityNotSupportedException(CatalogModel model, Set<Capability> wanted) {
        super(ProblemCode.CAPABILITY_NOT_SUPPORTED, "Model '" + model.id() + "' does not support " + wanted + "; it supports " + model.capabilities());
        extend("model", model.id());
        extend("capabilities", model.capabilities());
    }

    /** The request uses a chat feature ({@code tools}, {@code image input}, ...) the model lacks. */
    public CapabilityNotSupportedException(CatalogModel model, String feature) {
        super(ProblemCode.CAPABILITY_NOT_SUPPORTED, "Model '" + model.id() + "' does not support " + feature);
        extend("model", model.id());
        extend("feature", feature);
    }
}
