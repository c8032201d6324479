package dev.fmgateway.region;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** The caller named a region that AWS does not have. */
public class UnknownRegionException extends ApiException {

    UnknownRegionException(String region) {
        super(HttpStatus.BAD_REQUEST, "UNKNOWN_REGION", "Unknown region",
                "'" + region + "' is neither an AWS region (e.g. eu-central-1) nor a geography (us, eu, ap, ca, sa, me, af, il, mx, us-gov)");
        extend("region", region);
    }
}
