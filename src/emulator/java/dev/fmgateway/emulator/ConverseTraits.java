package dev.fmgateway.emulator;

/**
 * What a model takes on Converse (reference chat-apis-wire §1.4, §1.7): tools (and in a stream), a forced tool
 * choice ({@code any}; a named {@code tool}), images, documents, a thinking budget (Claude), reasoning it does by
 * itself (DeepSeek-R1, gpt-oss: a reasoning block in every answer), prompt caching with its minimum tokens per
 * checkpoint, and whether tool results must be alone in their turn (Llama 4 refuses text beside them).
 */
record ConverseTraits(boolean tools, boolean streamingTools, boolean anyToolChoice, boolean namedToolChoice,
        boolean images, boolean documents, boolean thinkingBudget, boolean intrinsicReasoning, int cacheMinTokens,
        boolean toolResultsAlone) {

    /** Documents are refused only where the reference says the model refuses them (Nova Micro). */
    private static final ConverseTraits TEXT_ONLY = new ConverseTraits(false, false, false, false, false, true, false,
            false, 0, false);

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
                yield new ConverseTraits(true, true, true, true, !id.contains("claude-3-5-haiku"), true, thinking, false,
                        cache, false);
            }
            case LLAMA -> new ConverseTraits(id.matches("meta\\.llama3-[123]-.*"), false, false, false,
                    id.matches("meta\\.llama3-2-(11|90)b.*"), true, false, false, 0, false);
            // Nova: toolChoice any refused, a named tool taken; Micro takes no images or documents; Premier's
            // caching is contested (reference §1.7), so the emulator refuses cache points for it.
            case NOVA -> {
                boolean media = !id.contains("nova-micro");
                yield new ConverseTraits(true, true, false, true, media, media, false, false,
                        id.contains("nova-premier") ? 0 : 1000, false);
            }
            case MISTRAL -> new ConverseTraits(true, false, false, false, id.contains("pixtral"), true, false, false, 0,
                    false);
            case COHERE_COMMAND -> new ConverseTraits(true, false, false, false, false, true, false, false, 0, false);
            case DEEPSEEK -> new ConverseTraits(false, false, false, false, false, true, false, true, 0, false);
            case GPT_OSS -> new ConverseTraits(true, false, false, false, false, true, false, true, 0, false);
            case LLAMA4 -> new ConverseTraits(true, false, false, false, true, true, false, false, 0, true);
            default -> TEXT_ONLY;
        };
    }
}
