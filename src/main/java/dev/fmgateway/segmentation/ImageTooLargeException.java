package dev.fmgateway.segmentation;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** A segmentation would decode more pixels than {@code gateway.segmentation.max-request-pixels} allows. */
class ImageTooLargeException extends ApiException {

    ImageTooLargeException(long pixels, long maxPixels) {
        super(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Payload too large", "The image and the masks asked for"
                + " come to " + pixels + " pixels, more than the limit of " + maxPixels
                + "; send a smaller image, fewer boxes or no multimask");
        extend("maxPixels", maxPixels);
    }
}
