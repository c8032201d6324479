package dev.fmgateway.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tokens of a native call whose body the gateway did not build: the counts the service reported (Bedrock's
 * token-count headers), else what the family's codec reads from the answer (a TGI container's
 * {@code generated_tokens}), else an estimate of about four characters per token.
 */
public final class NativeUsage {

    private NativeUsage() {
    }

    public static Usage.Tokens of(TokenCounts counts, byte[] request, byte[] response, @Nullable TextCodec codec,
            JsonMapper json) {
        if (counts.input() != null) {
            // Embedding models report input tokens only; they generate none.
            return new Usage.Tokens(counts.input(), counts.output() != null ? counts.output() : 0, false);
        }
        if (codec != null) {
            try {
                return codec.response(json.readTree(response), counts, rawPrompt(request)).usage();
            }
            catch (RuntimeException ex) {
                // Not the family's answer after all (the caller may ask anything of the model): estimate below.
            }
        }
        return new Usage.Tokens(estimate(request), estimate(response), true);
    }

    /** The caller's body as a prompt, so that a codec's estimate of the input counts it. */
    static TextPrompt rawPrompt(byte[] request) {
        return new TextPrompt(new String(request, StandardCharsets.UTF_8), List.of(), null, Integer.MAX_VALUE, null,
                null, List.of());
    }

    static long estimate(byte[] bytes) {
        return Usage.Tokens.estimate(new String(bytes, StandardCharsets.UTF_8));
    }
}
