package dev.fmgateway.invocation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.fmgateway.web.InvalidRequestException;
import dev.fmgateway.web.RequestIds;

/**
 * Who is calling and with which routing wishes.
 *
 * @param requestId the request id echoed to the caller
 * @param region region pinned by the caller (body {@code region}, else the {@code X-Gateway-Region} header)
 * @param caller the authenticated caller, or {@link Caller#anonymous()}
 * @param timeout the deadline the caller asked for ({@code X-Gateway-Timeout-Ms}), if any; it can only shorten
 *        the model's own
 */
public record CallContext(String requestId, @Nullable String region, Caller caller, @Nullable Duration timeout) {

    public static final String TIMEOUT_HEADER = "X-Gateway-Timeout-Ms";

    /**
     * The context of the HTTP request being served: its id, the caller the authentication step identified, and
     * the region pin ({@code bodyRegion} wins over {@code headerRegion}).
     */
    public static CallContext current(@Nullable String bodyRegion, @Nullable String headerRegion) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object caller = attributes != null ? attributes.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                : null;
        return new CallContext(RequestIds.current(), bodyRegion != null ? bodyRegion : headerRegion,
                caller instanceof Caller c ? c : Caller.anonymous(), requestedTimeout(attributes));
    }

    private static @Nullable Duration requestedTimeout(@Nullable RequestAttributes attributes) {
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String value = servlet.getRequest().getHeader(TIMEOUT_HEADER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 1) {
                return Duration.ofMillis(millis);
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new InvalidRequestException(TIMEOUT_HEADER, "must be a positive number of milliseconds");
    }
}
