package dev.fmgateway.provider;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Usage;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The token counts a service reports beside the answer's body: Bedrock's {@code X-Amzn-Bedrock-Input-Token-Count}
 * / {@code X-Amzn-Bedrock-Output-Token-Count} on InvokeModel responses (either may be absent); SageMaker reports
 * none.
 */
public record TokenCounts(@Nullable Long input, @Nullable Long output) {

    public static final TokenCounts NONE = new TokenCounts(null, null);

    public static TokenCounts from(SdkHttpResponse response) {
        return new TokenCounts(header(response, "X-Amzn-Bedrock-Input-Token-Count"),
                header(response, "X-Amzn-Bedrock-Output-Token-Count"));
    }

    /**
     * Usage from these counts; a missing one is estimated from the text (about four characters per token) and the
     * usage is marked estimated.
     */
    public Usage.Tokens usage(TextPrompt prompt, String output) {
        boolean estimated = this.input == null || this.output == null;
        long inputTokens = this.input != null ? this.input : Usage.Tokens.estimate(PromptText.content(prompt));
        long outputTokens = this.output != null ? this.output : Usage.Tokens.estimate(output);
        return new Usage.Tokens(inputTokens, outputTokens, estimated);
    }

    private static @Nullable Long header(SdkHttpResponse response, String name) {
        return response.firstMatchingHeader(name).map(String::trim).map(value -> {
            try {
                return Long.parseLong(value);
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }).orElse(null);
    }
}
