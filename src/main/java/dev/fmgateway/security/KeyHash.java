package dev.fmgateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of an API key, the only form in which keys are configured or compared. Equivalent to
 * {@code printf %s "$KEY" | sha256sum}.
 */
final class KeyHash {

    private KeyHash() {
    }

    static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
        }
    }

    static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
