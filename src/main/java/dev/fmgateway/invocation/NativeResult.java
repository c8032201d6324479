package dev.fmgateway.invocation;

import java.util.Map;

/**
 * The answer to a {@link NativeCall}: the upstream body as it came (empty for a stream, whose parts went to the
 * sink), its media type, the service's response headers worth passing on, and the tokens it took (reported by
 * the service or read from the body by the family's codec; estimated otherwise).
 */
public record NativeResult(byte[] body, String contentType, Map<String, String> headers, Usage.Tokens usage)
        implements InferenceResult {

    public NativeResult {
        headers = Map.copyOf(headers);
    }
}
