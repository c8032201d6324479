package dev.fmgateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.fmgateway.web.CallContexts;
import dev.fmgateway.invocation.Caller;

/**
 * Identifies the caller of an API route from {@code Authorization: Bearer <key>} or {@code X-Api-Key} and leaves
 * the {@link Caller} in the request. Where keys are required, a missing or unknown key is 401 before any handler
 * runs; where keys are configured, so is a key shorter than 32 characters, before it is hashed. The key itself is
 * never logged or kept.
 */
class ApiKeyInterceptor implements HandlerInterceptor {

    static final String API_KEY_HEADER = "X-Api-Key";

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    ApiKeyInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String presented = presentedKey(request);
        Caller caller;
        if (presented == null) {
            if (this.keys.required()) {
                throw new UnauthenticatedException(
                        "An API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
            }
            caller = this.keys.anonymous();
        }
        else if (presented.length() < ApiKeys.MIN_KEY_LENGTH && !this.keys.open()) {
            // Refused before hashing: keys are configured as hashes, so this is where their length is enforced.
            throw new UnauthenticatedException("The API key is too short: gateway keys have at least "
                    + ApiKeys.MIN_KEY_LENGTH + " characters");
        }
        else {
            caller = this.keys.authenticate(presented);
            if (caller == null) {
                if (!this.keys.open()) {
                    throw new UnauthenticatedException("The API key is not known to this gateway");
                }
                caller = this.keys.anonymous();
            }
        }
        request.setAttribute(CallContexts.CALLER, caller);
        return true;
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).trim();
            return key.isEmpty() ? null : key;
        }
        String key = request.getHeader(API_KEY_HEADER);
        return key != null && !key.isBlank() ? key.trim() : null;
    }
}
