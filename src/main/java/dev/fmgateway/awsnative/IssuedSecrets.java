package dev.fmgateway.awsnative;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The secret access keys of gateway-issued SigV4 credentials, derived rather than stored: the secret of an
 * access key id is the HMAC-SHA256 of the id under a master secret, base64url-encoded. The master secret comes
 * from the environment ({@value #ENVIRONMENT}, or the system property {@value #PROPERTY}), never from
 * {@code config/}; rotating it revokes every issued secret at once.
 */
final class IssuedSecrets {

    static final String ENVIRONMENT = "GATEWAY_SIGV4_MASTER_SECRET";

    static final String PROPERTY = "gateway.sigv4.master-secret";

    /** Shortest master secret accepted ({@code openssl rand -base64 32} gives 44 characters). */
    static final int MIN_LENGTH = 32;

    private final byte @Nullable [] master;

    IssuedSecrets(@Nullable String master) {
        if (master != null && !master.isBlank() && master.length() < MIN_LENGTH) {
            throw new IllegalStateException(ENVIRONMENT + " must have at least " + MIN_LENGTH + " characters");
        }
        this.master = master == null || master.isBlank() ? null : master.getBytes(StandardCharsets.UTF_8);
    }

    /** The master secret as this process was given it. */
    static IssuedSecrets fromEnvironment() {
        String master = System.getenv(ENVIRONMENT);
        return new IssuedSecrets(master != null ? master : System.getProperty(PROPERTY));
    }

    boolean configured() {
        return this.master != null;
    }

    /** The secret access key of this access key id; null without a master secret. */
    @Nullable String secretOf(String accessKeyId) {
        if (this.master == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SigV4.hmac(this.master, accessKeyId));
    }
}
