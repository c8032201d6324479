package dev.fmgateway.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A failure the caller sees as a problem with a stable {@link ProblemCode}. Subclasses live in the feature that
 * detects the failure; each surface renders it in its own shape. Extension members (e.g. {@code availableRegions})
 * and response headers (e.g. {@code Retry-After}) travel with it. No stack trace is filled: these are answers,
 * not bugs.
 */
public class GatewayException extends RuntimeException {

    private final ProblemCode code;

    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private final Map<String, String> headers = new LinkedHashMap<>();

    public GatewayException(ProblemCode code, String detail) {
        this(code, detail, null);
    }

    public GatewayException(ProblemCode code, String detail, @Nullable Throwable cause) {
        super(detail, cause, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return this.code;
    }

    /** The human-readable explanation for this occurrence (the problem's {@code detail}). */
    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(this.extensions);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(this.headers);
    }

    /** Adds an extension member such as {@code availableRegions} to the problem body. */
    public final GatewayException extend(String name, Object value) {
        this.extensions.put(name, value);
        return this;
    }

    protected final void header(String name, String value) {
        this.headers.put(name, value);
    }

    /** Sets {@code Retry-After} and the {@code retryAfterSeconds} extension (at least one second). */
    protected final void retryAfter(long seconds) {
        long wait = Math.max(1, seconds);
        header("Retry-After", Long.toString(wait));
        extend("retryAfterSeconds", wait);
    }
}
