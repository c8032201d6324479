package dev.fmgateway.region;

import org.springframework.http.HttpStatus;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.web.ApiException;

/** The model is not offered in the region the caller pinned. */
public class RegionNotAvailableException extends ApiException {

    RegionNotAvailableException(CatalogModel model, String region) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "REGION_NOT_AVAILABLE", "Model not available in region",
                "Model '" + model.id() + "' is not offered in " + region + "; it is offered in " + model.regions());
        extend("model", model.id());
        extend("region", region);
        extend("availableRegions", model.regions());
    }
}
