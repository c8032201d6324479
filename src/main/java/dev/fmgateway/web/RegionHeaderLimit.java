package dev.fmgateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@code X-Gateway-Region} header has the same length limit as the body's {@code region} (32 characters; the
 * longest AWS region name is 14): a longer one is 400 {@code INVALID_REQUEST} on every route, in the route's own
 * error shape, before it is looked up or echoed.
 */
@Configuration(proxyBeanMethods = false)
class RegionHeaderLimit implements WebMvcConfigurer, HandlerInterceptor {

    static final String HEADER = "X-Gateway-Region";

    static final int MAX_LENGTH = 32;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/v1/**", "/openai/**", "/model/**", "/endpoints/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String region = request.getHeader(HEADER);
        if (region != null && region.length() > MAX_LENGTH) {
            throw new InvalidRequestException(HEADER, "must be at most " + MAX_LENGTH + " characters");
        }
        return true;
    }
}
