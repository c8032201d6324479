package dev.fmgateway.emulator;

/**
 * What a model takes on Converse (reference chat-apis-wire §1.7): tools (and in a stream), forced tool choice,
 * images, reasoning (Claude's thinking), prompt caching with its minimum tokens per checkpoint.
 */
record ConverseTraits(boolean tools, boolean streamingTools, boolean forcedToolChoice, boolean images,
        boolean reasoning, int cacheMinTokens) {

    boolean caches() {
        return this.cacheMinTokens > 0;
    }

    static ConverseTraits of(BedrockModel model) {
        String id = model.baseId();
        return switch (model.family()) {
            case CLAUDE_MESSAGES -> {
                boolean thinking = id.contains("claude-3-7") || id.matches(".*claude-(sonnet|opus|haiku)-4.*");
                int cache = id.contains("claude-haiku-4-5") || id.contains("claude-opus-4-6") ? 4096
                        : id.contains("claude-3-5-haiku") ? 2048 : thinking ? 1024 : 0;
                yield new ConverseTraits(true, true, true, !id.contains("claude-3-5-haiku"), thinking, cache);
            }
            case LLAMA -> new ConverseTraits(id.matches("meta\\.llama3-[123]-.*"), false, false,
                    id.matches("meta\\.llama3-2-(11|90)b.*"), false, 0);
            default -> new ConverseTraits(false, false, false, false, false, 0);
        };
    }
}
