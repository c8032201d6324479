package dev.fmgateway.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies. A declared length over the limit fails on first read; a chunked body fails as soon as
 * it crosses the limit, so an oversized body is never buffered whole. The failure surfaces through message
 * conversion and {@link ProblemHandler} answers 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    BodySizeLimitFilter(HttpLimitsProperties properties) {
        this.limit = properties.maxBodySize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new LimitedRequest(request, this.limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;

        private LimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (getContentLengthLong() > this.limit.toBytes()) {
                throw new PayloadTooLargeException(this.limit);
            }
            return new CountingStream(super.getInputStream(), this.limit);
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final DataSize limit;

        private long count;

        private CountingStream(ServletInputStream delegate, DataSize limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = this.delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = this.delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            this.count += n;
            if (this.count > this.limit.toBytes()) {
                throw new PayloadTooLargeException(this.limit);
            }
        }

        @Override
        public boolean isFinished() {
            return this.delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.delegate.setReadListener(listener);
        }
    }
}
