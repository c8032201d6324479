package dev.fmgateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** No API key, or one that is not configured, where keys are required. */
class UnauthenticatedException extends ApiException {

    UnauthenticatedException(String detail) {
        super(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Unauthenticated", detail);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fm-gateway\"");
    }
}
