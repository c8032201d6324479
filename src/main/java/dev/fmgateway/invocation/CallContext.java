package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.fmgateway.web.RequestIds;

/**
 * Who is calling and with which routing wishes.
 *
 * @param requestId the request id echoed to the caller
 * @param region region pinned by the caller (body {@code region}, else the {@code X-Gateway-Region} header)
 * @param caller the authenticated caller, or {@link Caller#anonymous()}
 */
public record CallContext(String requestId, @Nullable String region, Caller caller) {

    /**
     * The context of the HTTP request being served: its id, the caller the authentication step identified, and
     * the region pin ({@code bodyRegion} wins over {@code headerRegion}).
     */
    public static CallContext current(@Nullable String bodyRegion, @Nullable String headerRegion) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object caller = attributes != null ? attributes.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                : null;
        return new CallContext(RequestIds.current(), bodyRegion != null ? bodyRegion : headerRegion,
                caller instanceof Caller c ? c : Caller.anonymous());
    }
}
