package dev.fmgateway.provider.bedrock;

import java.util.stream.Collectors;

import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;

/** Helpers shared by the text codecs. */
final class Codecs {

    private Codecs() {
    }

    /**
     * Usage from Bedrock's token-count headers; where a count is missing it is estimated from the text (about
     * four characters per token) and the usage is marked estimated.
     */
    static Usage.Tokens tokens(TokenCounts headers, TextPrompt prompt, String output) {
        boolean estimated = headers.input() == null || headers.output() == null;
        long input = headers.input() != null ? headers.input() : Usage.Tokens.estimate(allText(prompt));
        long outputTokens = headers.output() != null ? headers.output() : Usage.Tokens.estimate(output);
        return new Usage.Tokens(input, outputTokens, estimated);
    }

    private static String allText(TextPrompt prompt) {
        String turns = prompt.turns().stream().map(t -> t.content()).collect(Collectors.joining("\n"));
        return prompt.system() != null ? prompt.system() + "\n" + turns : turns;
    }
}
