package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request as the emulator received it, kept for tests.
 *
 * @param method HTTP method
 * @param rawPath path exactly as sent (still percent-encoded)
 * @param service {@code bedrock} or {@code sagemaker} from the path, null for other paths
 * @param region region of the SigV4 credential scope, null when the request carried none
 * @param headers lower-case header names → values
 * @param body the raw body
 * @param receivedAt arrival time
 */
public record RecordedRequest(String method, String rawPath, @Nullable String service, @Nullable String region,
        Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** This request with only the first {@code max} bytes of its body. */
    RecordedRequest truncated(int max) {
        return new RecordedRequest(method, rawPath, service, region, headers, java.util.Arrays.copyOf(body, max),
                receivedAt);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
