package dev.fmgateway.awsnative;

import org.eclipse.jetty.ee11.servlet.ServletHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the AWS SDKs need of the HTTP server. HTTP/2 cleartext with prior knowledge (h2c) on the same port as
 * HTTP/1.1, since the AWS JavaScript SDK's Bedrock Runtime client speaks HTTP/2 by default, also to
 * {@code http://} URLs. And an encoded {@code /} ({@code %2F}) inside a path segment, since the SDKs encode the
 * {@code /} of an ARN model id that way: Jetty refuses such a path by default as ambiguous, here it is accepted
 * and kept inside its segment (routing matches on the raw path, then decodes the segment).
 */
@Configuration(proxyBeanMethods = false)
class NativeServerConfiguration {

    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("aws-model-ids",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    @Bean
    JettyServerCustomizer h2cAndEncodedSlashes() {
        return server -> {
            for (Connector connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http == null) {
                    continue;
                }
                HttpConfiguration configuration = http.getHttpConfiguration();
                configuration.setUriCompliance(URI_COMPLIANCE);
                if (connector.getConnectionFactory(HTTP2CServerConnectionFactory.class) == null
                        && connector instanceof org.eclipse.jetty.server.AbstractConnector abstractConnector) {
                    abstractConnector.addConnectionFactory(new HTTP2CServerConnectionFactory(configuration));
                }
            }
            for (ServletHandler servlets : server.getDescendants(ServletHandler.class)) {
                servlets.setDecodeAmbiguousURIs(true);
            }
        };
    }
}
