package dev.fmgateway.invocation;

/**
 * What a call consumed, in the unit the provider bills. {@code estimated} is true when the provider reported no
 * count and the gateway estimated it.
 */
public sealed interface Usage {

    boolean estimated();

    /**
     * Tokens in and out (embeddings have no output tokens). Input read from or written to the prompt cache is
     * counted apart from {@code input}, since it has its own prices; reasoning is part of {@code output}.
     *
     * @param input prompt tokens neither read from nor written to the cache
     * @param output generated tokens, reasoning included
     * @param estimated whether the gateway estimated the counts
     * @param cacheRead prompt tokens read from the cache
     * @param cacheWrite prompt tokens written to the cache
     * @param reasoning of {@code output}, the tokens spent reasoning
     */
    record Tokens(long input, long output, boolean estimated, long cacheRead, long cacheWrite, long reasoning)
            implements Usage {

        public Tokens(long input, long output, boolean estimated) {
            this(input, output, estimated, 0, 0, 0);
        }

        /** Rough count for families that report none: about four characters per token, rounded up. */
        public static long estimate(String text) {
            return (text.length() + 3) / 4;
        }
    }

    /**
     * Images generated, with what their price depends on.
     *
     * @param count number of images
     * @param width width of each
     * @param height height of each
     * @param steps diffusion steps, 0 when not applicable
     * @param quality quality tier, {@code standard} when not applicable
     */
    record Images(int count, int width, int height, int steps, String quality) implements Usage {

        @Override
        public boolean estimated() {
            return false;
        }
    }

    /**
     * Calls to an endpoint billed by instance-hour (SageMaker): the call itself has no unit price.
     *
     * @param count number of calls
     */
    record Requests(int count) implements Usage {

        @Override
        public boolean estimated() {
            return false;
        }
    }
}
