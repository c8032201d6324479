package dev.fmgateway.region;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;


/** The caller named a region that AWS does not have. */
public class UnknownRegionException extends GatewayException {

    UnknownRegionException(String region) {
        super(ProblemCode.UNKNOWN_REGION, "'" + region + "' is neither an AWS region (e.g. eu-central-1) nor a geography (us, eu, ap, ca, sa, me, af, il, mx, us-gov)");
        extend("region", region);
    }
}
