package dev.fmgateway.provider;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes a provider's error message safe to show a caller: no URLs, ARNs or account ids, and a bounded length.
 */
public final class UpstreamMessages {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[^\\s\"']+");

    private static final Pattern ACCOUNT = Pattern.compile("\\b\\d{12}\\b");

    private static final int MAX_LENGTH = 500;

    private UpstreamMessages() {
    }

    public static String sanitize(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "no message from the provider";
        }
        String safe = URL.matcher(message).replaceAll("<url>");
        safe = ARN.matcher(safe).replaceAll("<arn>");
        safe = ACCOUNT.matcher(safe).replaceAll("<account>");
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) + "…" : safe;
    }
}
