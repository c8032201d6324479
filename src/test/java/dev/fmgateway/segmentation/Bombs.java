package dev.fmgateway.segmentation;

import java.awt.image.BufferedImage;

/** A 4096 × 4096 PNG of one flat colour: a few KB on the wire, 16 M pixels per decoded plane. */
final class Bombs {

    static final String FLAT_4096 = SegmentationTests.png(new BufferedImage(4096, 4096, BufferedImage.TYPE_BYTE_GRAY));

    private Bombs() {
    }
}
