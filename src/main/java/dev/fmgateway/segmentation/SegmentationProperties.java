package dev.fmgateway.segmentation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the pixels a segmentation may make the gateway (and, in emulator mode, the emulated container) decode.
 * A request costs its image's pixels once for the image and once per mask it may get back (one per object, three
 * per object with {@code multimask}).
 *
 * @param maxRequestPixels most pixels one request may cost; more is refused with 413 {@code PAYLOAD_TOO_LARGE}
 * @param maxTotalPixels most pixels all requests in flight may cost together; beyond it 429 {@code RATE_LIMITED};
 *        0 (the default) sizes it from the heap: one pixel per 8 bytes of the JVM's maximum heap
 */
@ConfigurationProperties("gateway.segmentation")
record SegmentationProperties(@DefaultValue("33554432") long maxRequestPixels, @DefaultValue("0") long maxTotalPixels) {
}
