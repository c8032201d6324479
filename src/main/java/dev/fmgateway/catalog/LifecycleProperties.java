package dev.fmgateway.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serveRetired whether RETIRED models are still called; unset means yes on the emulator (which still
 * speaks their wire format) and no on AWS (which no longer serves them)
 */
@ConfigurationProperties("gateway.lifecycle")
record LifecycleProperties(@Nullable Boolean serveRetired) {
}
