package dev.fmgateway.region;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** The caller named a region that AWS does not have. */
public class UnknownRegionException extends ApiException {

    UnknownRegionException(String region) {
        super(HttpStatus.BAD_REQUEST, "UNKNOWN_REGION", "Unknown region",
                "'" + region + "' is not an AWS region name (for example us-east-1, eu-central-1)");
        extend("region", region);
    }
}
