package dev.fmgateway.invocation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling and with which routing wishes, resolved by the surface that received the call.
 *
 * @param requestId the request id echoed to the caller
 * @param region region pinned by the caller (body {@code region}, else the {@code X-Gateway-Region} header)
 * @param caller the authenticated caller
 * @param timeout the deadline the caller asked for, if any; it can only shorten the model's own
 */
public record CallContext(String requestId, @Nullable String region, Caller caller, @Nullable Duration timeout) {
}
