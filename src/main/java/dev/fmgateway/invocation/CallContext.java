package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling and with which routing wishes.
 *
 * @param requestId the request id echoed to the caller
 * @param region region pinned by the caller (body {@code region}, else the {@code X-Gateway-Region} header)
 */
public record CallContext(String requestId, @Nullable String region) {
}
