package dev.fmgateway.region;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

import dev.fmgateway.catalog.CatalogModel;

/** The model is not offered in the region the caller pinned. */
public class RegionNotAvailableException extends GatewayException {

    RegionNotAvailableException(CatalogModel model, String region) {
        super(ProblemCode.REGION_NOT_AVAILABLE, "Model '" + model.id() + "' is not offered in " + region + "; it is offered in " + model.regions());
        extend("model", model.id());
        extend("region", region);
        extend("availableRegions", model.regions());
    }
}
