package dev.fmgateway.usage;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** A usage view that only admin keys may see. */
class AdminRequiredException extends ApiException {

    AdminRequiredException(String detail) {
        super(HttpStatus.FORBIDDEN, "ADMIN_REQUIRED", "Admin key required", detail);
    }
}
