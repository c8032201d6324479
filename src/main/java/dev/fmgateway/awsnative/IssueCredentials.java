package dev.fmgateway.awsnative;

import java.security.SecureRandom;

/**
 * The operator command that issues SigV4 credentials for a gateway key:
 * {@code java -cp target/fm-gateway-*.jar -Dloader.main=dev.fmgateway.awsnative.IssueCredentials
 * org.springframework.boot.loader.launch.PropertiesLauncher [ACCESS_KEY_ID]}, with
 * {@value IssuedSecrets#ENVIRONMENT} set as on the gateway. Prints a new access key id (or the given one) and its
 * secret; the id goes into the key's {@code access-key-id} in {@code config/application.yaml}, the secret to the
 * app's owner. Nothing is stored: the gateway derives the same secret from the id.
 */
public final class IssueCredentials {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private IssueCredentials() {
    }

    public static void main(String[] args) {
        IssuedSecrets secrets = IssuedSecrets.fromEnvironment();
        if (!secrets.configured()) {
            System.err.println("Set " + IssuedSecrets.ENVIRONMENT + " (at least " + IssuedSecrets.MIN_LENGTH
                    + " characters, e.g. openssl rand -base64 32) as on the gateway.");
            System.exit(2);
        }
        String accessKeyId = args.length > 0 ? args[0] : newAccessKeyId();
        if (!accessKeyId.matches("[A-Z0-9]{16,128}")) {
            System.err.println("An access key id has 16 to 128 upper-case letters or digits.");
            System.exit(2);
        }
        System.out.println("AWS_ACCESS_KEY_ID=" + accessKeyId);
        System.out.println("AWS_SECRET_ACCESS_KEY=" + secrets.secretOf(accessKeyId));
    }

    /** {@code FMGW} and 16 random base32 characters: 80 bits, shaped like an AWS access key id. */
    static String newAccessKeyId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("FMGW");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
