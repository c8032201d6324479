package dev.fmgateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The request body is larger than {@code gateway.http.max-body-size}. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large",
                "The request body exceeds the limit of " + limit.toBytes() + " bytes");
        extend("maxBytes", limit.toBytes());
    }
}
