package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The token counts Bedrock reports in {@code X-Amzn-Bedrock-Input-Token-Count} /
 * {@code X-Amzn-Bedrock-Output-Token-Count} on InvokeModel responses; either may be absent.
 */
record TokenCounts(@Nullable Long input, @Nullable Long output) {

    static TokenCounts from(SdkHttpResponse response) {
        return new TokenCounts(header(response, "X-Amzn-Bedrock-Input-Token-Count"),
                header(response, "X-Amzn-Bedrock-Output-Token-Count"));
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
