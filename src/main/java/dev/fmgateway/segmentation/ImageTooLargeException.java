package dev.fmgateway.segmentation;

import dev.fmgateway.problem.ProblemCode;

import dev.fmgateway.problem.GatewayException;

/** A segmentation would decode more pixels than {@code gateway.segmentation.max-request-pixels} allows. */
class ImageTooLargeException extends GatewayException {

    ImageTooLargeException(long pixels, long maxPixels) {
        super(ProblemCode.PAYLOAD_TOO_LARGE, "The image and the masks asked for"
                + " come to " + pixels + " pixels, more than the limit of " + maxPixels
                + "; send a smaller image, fewer boxes or no multimask");
        extend("maxPixels", maxPixels);
    }
}
