package dev.fmgateway.resilience;

import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;

import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.problem.ProblemCode;

/**
 * The gateway's own global limit on model requests in flight, checked before the body is read or parsed: a
 * request beyond it costs nothing but this check and answers 503 {@code GATEWAY_OVERLOADED} with
 * {@code Retry-After}, distinct from upstream throttling (429).
 */
class AdmissionInterceptor implements HandlerInterceptor {

    private static final String ADMITTED = AdmissionInterceptor.class.getName() + ".admitted";

    private final Semaphore permits;

    private final Counter refused;

    AdmissionInterceptor(int maxConcurrent, MeterRegistry meters) {
        this.permits = new Semaphore(maxConcurrent);
        this.refused = Counter.builder("gateway.admission.refused")
            .description("Model requests refused at the gateway's global concurrency limit")
            .register(meters);
        Gauge.builder("gateway.admission.in.flight", this.permits, p -> maxConcurrent - p.availablePermits())
            .description("Model requests in flight")
            .register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(ADMITTED) != null) {
            return true;
        }
        if (!this.permits.tryAcquire()) {
            this.refused.increment();
            throw new Overloaded();
        }
        request.setAttribute(ADMITTED, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        if (request.getAttribute(ADMITTED) != null) {
            request.removeAttribute(ADMITTED);
            this.permits.release();
        }
    }

    /** The gateway itself is at capacity. */
    static final class Overloaded extends GatewayException {

        Overloaded() {
            super(ProblemCode.GATEWAY_OVERLOADED, "The gateway is at its limit of requests in flight; retry shortly");
            retryAfter(1);
        }
    }
}
