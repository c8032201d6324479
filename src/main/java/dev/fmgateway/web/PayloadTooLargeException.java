package dev.fmgateway.web;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;
import org.springframework.util.unit.DataSize;

/** The request body is larger than {@code gateway.http.max-body-size}. */
public class PayloadTooLargeException extends GatewayException {

    public PayloadTooLargeException(DataSize limit) {
        super(ProblemCode.PAYLOAD_TOO_LARGE, "The request body exceeds the limit of " + limit.toBytes() + " bytes");
        extend("maxBytes", limit.toBytes());
    }
}
