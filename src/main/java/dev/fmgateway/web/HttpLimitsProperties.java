package dev.fmgateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what callers may send.
 *
 * @param maxBodySize largest accepted request body; larger ones get 413 {@code PAYLOAD_TOO_LARGE}
 */
@ConfigurationProperties("gateway.http")
public record HttpLimitsProperties(@DefaultValue("8MB") DataSize maxBodySize) {
}
