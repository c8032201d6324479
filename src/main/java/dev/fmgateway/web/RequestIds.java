package dev.fmgateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/** The id of the request being served, as echoed in {@code X-Request-Id} and every problem body. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    static final String MDC_KEY = "requestId";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The current request id, or a fresh one when called outside a request. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newId();
    }

    /** Keeps a caller-supplied id only when it is short and harmless in headers and logs. */
    static String accept(@Nullable String supplied) {
        return supplied != null && SAFE.matcher(supplied).matches() ? supplied : newId();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
