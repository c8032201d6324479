package dev.fmgateway.usage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.Usage;

/**
 * A usage in the ledger's columns: its kind, the input, output and image counts, and the prompt-cache and
 * reasoning tokens. {@code input} is the prompt tokens neither read from nor written to the cache (as the answer's
 * {@code usage.inputTokens}); embedding tokens go there too. {@code reasoning} is the share of {@code output} spent
 * reasoning. A new {@link Usage} kind does not compile until it is mapped here.
 *
 * <p>Journal lines written before the cache and reasoning counts existed have none: they read as zero (and their
 * {@code input} holds every prompt token, as the ledger counted then).
 */
record UsageCounts(String kind, long input, long output, long images, long cacheRead, long cacheWrite, long reasoning) {

    static final UsageCounts NONE = new UsageCounts("none", 0, 0, 0);

    UsageCounts(String kind, long input, long output, long images) {
        this(kind, input, output, images, 0, 0, 0);
    }

    /** From a journal line: the cache and reasoning counts are absent from lines of earlier versions. */
    @JsonCreator
    static UsageCounts read(@JsonProperty("kind") String kind, @JsonProperty("input") long input,
            @JsonProperty("output") long output, @JsonProperty("images") long images,
            @JsonProperty("cacheRead") @Nullable Long cacheRead, @JsonProperty("cacheWrite") @Nullable Long cacheWrite,
            @JsonProperty("reasoning") @Nullable Long reasoning) {
        return new UsageCounts(kind, input, output, images, zeroIfAbsent(cacheRead), zeroIfAbsent(cacheWrite),
                zeroIfAbsent(reasoning));
    }

    private static long zeroIfAbsent(@Nullable Long count) {
        return count != null ? count : 0;
    }

    static UsageCounts of(Usage usage) {
        return switch (usage) {
            case Usage.Tokens tokens -> new UsageCounts("tokens", tokens.input(), tokens.output(), 0,
                    tokens.cacheRead(), tokens.cacheWrite(), tokens.reasoning());
            case Usage.Images images -> new UsageCounts("images", 0, 0, images.count());
            case Usage.Requests requests -> new UsageCounts("requests", 0, 0, 0);
        };
    }
}
