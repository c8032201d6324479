package dev.fmgateway.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * Resolves the {@link CallContext} of the HTTP request being served: its id, the caller the authentication step
 * left on the request, the region pin and the deadline the caller asked for. A request that reached a route
 * without an identified caller is refused (fail closed), never served as someone else.
 */
public final class CallContexts {

    /** Request attribute under which the authentication step leaves the {@link Caller}. */
    public static final String CALLER = Caller.class.getName();

    public static final String TIMEOUT_HEADER = "X-Gateway-Timeout-Ms";

    private CallContexts() {
    }

    /** The context of the current request; {@code bodyRegion} wins over {@code headerRegion}. */
    public static CallContext current(@Nullable String bodyRegion, @Nullable String headerRegion) {
        HttpServletRequest request = request();
        return new CallContext(RequestIds.current(), bodyRegion != null ? bodyRegion : headerRegion, caller(request),
                requestedTimeout(request));
    }

    /** The caller the authentication step identified for this request. */
    public static Caller caller(HttpServletRequest request) {
        if (request.getAttribute(CALLER) instanceof Caller caller) {
            return caller;
        }
        throw new GatewayException(ProblemCode.UNAUTHENTICATED, "No caller was identified for this request");
    }

    private static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest();
        }
        throw new GatewayException(ProblemCode.UNAUTHENTICATED, "No caller was identified for this request");
    }

    private static @Nullable Duration requestedTimeout(HttpServletRequest request) {
        String value = request.getHeader(TIMEOUT_HEADER);
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
