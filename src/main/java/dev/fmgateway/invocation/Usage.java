package dev.fmgateway.invocation;

/**
 * What a call consumed, in the unit the provider bills. {@code estimated} is true when the provider reported no
 * count and the gateway estimated it.
 */
public sealed interface Usage {

    boolean estimated();

    /**
     * Tokens in and out.
     *
     * @param input prompt tokens
     * @param output generated tokens
     * @param estimated whether the gateway estimated the counts
     */
    record Tokens(long input, long output, boolean estimated) implements Usage {

        /** Rough count for families that report none: about four characters per token, rounded up. */
        public static long estimate(String text) {
            return (text.length() + 3) / 4;
        }
    }
}
