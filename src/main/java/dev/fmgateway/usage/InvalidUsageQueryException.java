package dev.fmgateway.usage;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** A usage query parameter that cannot be understood. */
class InvalidUsageQueryException extends ApiException {

    InvalidUsageQueryException(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request", detail);
        extend("parameter", parameter);
    }

    InvalidUsageQueryException(String parameter, String detail, List<String> allowedValues) {
        this(parameter, detail);
        extend("allowedValues", allowedValues);
    }
}
