package dev.fmgateway.limits;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} for the tightest per-minute
 * limit (requests or tokens, smallest share left) that applied to an admitted call. Set on the current HTTP
 * response when the call is admitted, before any byte of the answer (streams included) is written, so every
 * surface's answer carries them. Calls off the request thread (none today) get none.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    /** The tightest limit: {limit, remaining, reset seconds}, or null when no per-minute limit applied. */
    static long @Nullable [] tightest(List<LimitRules.ScopedLimit> limits, List<Decision.Remaining> remaining) {
        long[] best = null;
        double bestShare = Double.MAX_VALUE;
        for (int i = 0; i < limits.size() && i < remaining.size(); i++) {
            Limit limit = limits.get(i).limit();
            Decision.Remaining left = remaining.get(i);
            long[][] candidates = { { limit.requestsPerMinute() != null ? limit.requestsPerMinute() : -1,
                    left.requests() },
                    { limit.tokensPerMinute() != null ? limit.tokensPerMinute() : -1, left.tokens() } };
            for (long[] candidate : candidates) {
                if (candidate[0] > 0 && candidate[1] >= 0) {
                    double share = (double) candidate[1] / candidate[0];
                    if (share < bestShare) {
                        bestShare = share;
                        best = new long[] { candidate[0], candidate[1], left.resetSeconds() };
                    }
                }
            }
        }
        return best;
    }

    static void write(List<LimitRules.ScopedLimit> limits, List<Decision.Remaining> remaining) {
        long[] tightest = tightest(limits, remaining);
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (tightest == null || !(attributes instanceof ServletRequestAttributes servlet)) {
            return;
        }
        HttpServletResponse response = servlet.getResponse();
        if (response == null || response.isCommitted()) {
            return;
        }
        response.setHeader("RateLimit-Limit", Long.toString(tightest[0]));
        response.setHeader("RateLimit-Remaining", Long.toString(tightest[1]));
        response.setHeader("RateLimit-Reset", Long.toString(tightest[2]));
    }
}
