package dev.fmgateway.awsnative;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.Caller;
import dev.fmgateway.security.ApiKeys;

/**
 * Identifies the caller of a native route: {@code Authorization: Bearer <gateway key>} (what the AWS SDKs send
 * with {@code AWS_BEARER_TOKEN_BEDROCK}), or a SigV4 signature made with gateway-issued credentials, verified on
 * the body as received. Every refusal happens here, before the model is even looked up, so nothing goes upstream;
 * the caller's own AWS credentials are never used for anything but this check.
 */
@Component
class NativeAuth {

    private static final String BEARER = "bearer ";

    private final ApiKeys keys;

    private final IssuedSecrets secrets;

    private final Clock clock;

    @Autowired
    NativeAuth(ApiKeys keys) {
        this(keys, IssuedSecrets.fromEnvironment(), Clock.systemUTC());
    }

    NativeAuth(ApiKeys keys, IssuedSecrets secrets, Clock clock) {
        if (keys.issuesCredentials() && !secrets.configured()) {
            throw new IllegalStateException("API keys have access key ids (SigV4 credentials) but "
                    + IssuedSecrets.ENVIRONMENT + " is not set: the secrets cannot be derived");
        }
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
    }

    Caller authenticate(HttpServletRequest request, byte[] body, AwsService service) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            if (this.keys.required()) {
                throw AwsError.accessDenied("Missing authentication: sign the request with gateway-issued "
                        + "credentials (SigV4) or send 'Authorization: Bearer <gateway key>'.");
            }
            return this.keys.anonymous();
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return bearer(authorization.substring(BEARER.length()).trim());
        }
        if (authorization.startsWith(SigV4.ALGORITHM + " ")) {
            return signed(request, body, service, authorization);
        }
        throw AwsError.incompleteSignature("Authorization header requires '" + SigV4.ALGORITHM
                + "' algorithm or a Bearer token.");
    }

    private Caller bearer(String key) {
        if (this.keys.open()) {
            return this.keys.anonymous();
        }
        Caller caller = key.length() >= ApiKeys.MIN_KEY_LENGTH ? this.keys.authenticate(key) : null;
        if (caller == null) {
            throw AwsError.unrecognizedClient();
        }
        return caller;
    }

    private Caller signed(HttpServletRequest request, byte[] body, AwsService service, String header) {
        SigV4.Authorization authorization = SigV4.Authorization.parse(header);
        if (this.keys.open() && !this.keys.issuesCredentials()) {
            // An open gateway (no keys) serves everyone; it has no secrets to check a signature with.
            return this.keys.anonymous();
        }
        Caller caller = this.keys.byAccessKeyId(authorization.accessKeyId());
        String secret = this.secrets.secretOf(authorization.accessKeyId());
        if (caller == null || secret == null) {
            throw AwsError.unrecognizedClient();
        }
        SigV4.verify(authorization, secret, new SigV4.Request(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), name -> headers(request, name), body), service, this.clock.instant());
        return caller;
    }

    /**
     * A header as received. HTTP/2 carries the host as the {@code :authority} pseudo-header, which the servlet
     * API shows only as the server name and port: the JavaScript SDK signs {@code :authority}, others {@code host}.
     */
    private static List<String> headers(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name.toLowerCase(Locale.ROOT)));
        if (values.isEmpty() && (name.equalsIgnoreCase("host") || name.equals(":authority"))) {
            int port = request.getServerPort();
            boolean defaultPort = port <= 0 || port == (request.isSecure() ? 443 : 80);
            return List.of(defaultPort ? request.getServerName() : request.getServerName() + ":" + port);
        }
        return values;
    }
}
