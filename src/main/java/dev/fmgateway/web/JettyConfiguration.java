package dev.fmgateway.web;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The HTTP server, sized for many concurrent, mostly waiting callers. */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

    /**
     * Header lines each connection's parser keeps to reuse: none. Jetty's default, 1,024, costs a 96 KB table per
     * open connection (about 100 MB for 1,000 callers), and 256 still cost 24 KB each, the largest share of the
     * heap at 1,000 calls in flight (docs/benchmark.md, "Memory"); parsing a few headers anew costs less.
     */
    static final int HEADER_CACHE_SIZE = 0;

    /** Platform threads for Jetty's acceptor, selector and non-blocking work. */
    static final int PLATFORM_THREADS = 16;

    @Bean
    JettyServerCustomizer noHeaderCache() {
        return server -> {
            for (var connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().setHeaderCacheSize(HEADER_CACHE_SIZE);
                }
            }
        };
    }

    /**
     * Requests are handled on virtual threads, one per request, without a cap (the gateway's own concurrency
     * limits answer 429 at once). Jetty's acceptor and selector stay on platform threads: on the all-virtual pool
     * Spring Boot picks by default, its selector stalled under 1,000 new connections (bench/load.sh found it).
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> virtualThreadRequests() {
        return new VirtualThreadRequests();
    }

    /** Ordered after Spring Boot's own virtual-thread customizer (order 1), which it replaces. */
    private static final class VirtualThreadRequests
            implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableJettyWebServerFactory factory) {
            QueuedThreadPool pool = new QueuedThreadPool(PLATFORM_THREADS, 4);
            pool.setName("jetty");
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("jetty-request-"));
            factory.setThreadPool(pool);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
