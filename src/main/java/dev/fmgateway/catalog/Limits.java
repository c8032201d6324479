package dev.fmgateway.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a model accepts. Requests beyond these limits are rejected before any upstream call.
 *
 * @param maxInputTokens context size in tokens, if known
 * @param maxOutputTokens largest {@code maxTokens} a caller may ask for
 * @param defaultOutputTokens {@code maxTokens} used when the caller gives none
 */
public record Limits(@Nullable Integer maxInputTokens, @Nullable Integer maxOutputTokens,
        @Nullable Integer defaultOutputTokens) {

    public static Limits none() {
        return new Limits(null, null, null);
    }
}
