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
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies. A declared length over the limit fails on first read; a chunked body fails as soon as
 * it crosses the limit, so an oversized body is never buffered whole. The failure surfaces through message
 * conversion and {@link ProblemHandler} answers 413.
 * <p>
 * Once the 413 is written, the rest of a refused body (up to {@value #MAX_DISCARD} bytes) is read and dropped,
 * so the client, still sending, gets its answer intact and the connection stays usable; past that, the
 * connection is closed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_DISCARD = 64L * 1024 * 1024;

    private final DataSize limit;

    BodySizeLimitFilter(HttpLimitsProperties properties) {
        this.limit = properties.maxBodySize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_DISCARD) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        LimitedRequest limited = new LimitedRequest(request, this.limit);
        try {
            chain.doFilter(limited, response);
        }
        finally {
            if (limited.refused && !"close".equals(response.getHeader(HttpHeaders.CONNECTION))) {
                discardRest(request);
            }
        }
    }

    private static void discardRest(HttpServletRequest request) {
        byte[] buffer = new byte[8192];
        long read = 0;
        try {
            ServletInputStream in = request.getInputStream();
            int n;
            while (read <= MAX_DISCARD && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        }
        catch (IOException ex) {
            // the client went away or broke off: nothing left to protect
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;

        private boolean refused;

        private LimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (getContentLengthLong() > this.limit.toBytes()) {
                this.refused = true;
                throw new PayloadTooLargeException(this.limit);
            }
            return new CountingStream(super.getInputStream(), this.limit, () -> this.refused = true);
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;

        private final DataSize limit;

        private final Runnable onRefused;

        private long count;

        private CountingStream(ServletInputStream delegate, DataSize limit, Runnable onRefused) {
            this.delegate = delegate;
            this.limit = limit;
            this.onRefused = onRefused;
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
                this.onRefused.run();
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
