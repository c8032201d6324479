package dev.fmgateway.usage;

import dev.fmgateway.invocation.Usage;

/**
 * A usage in the ledger's columns: its kind and the input, output and image counts. Embedding tokens go in
 * {@code input}. A new {@link Usage} kind does not compile until it is mapped here.
 */
record UsageCounts(String kind, long input, long output, long images) {

    static final UsageCounts NONE = new UsageCounts("none", 0, 0, 0);

    static UsageCounts of(Usage usage) {
        return switch (usage) {
            // The ledger has one input column: every prompt token, read from or written to the cache or not.
            case Usage.Tokens tokens -> new UsageCounts("tokens",
                    tokens.input() + tokens.cacheRead() + tokens.cacheWrite(), tokens.output(), 0);
            case Usage.Images images -> new UsageCounts("images", 0, 0, images.count());
            case Usage.Requests requests -> new UsageCounts("requests", 0, 0, 0);
        };
    }
}
