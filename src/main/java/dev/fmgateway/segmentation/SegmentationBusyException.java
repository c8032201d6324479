package dev.fmgateway.segmentation;

import org.springframework.http.HttpStatus;

import dev.fmgateway.web.ApiException;

/** The segmentations in flight hold the whole pixel budget: rejected at once, with a hint when to retry. */
class SegmentationBusyException extends ApiException {

    SegmentationBusyException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many concurrent requests",
                "The gateway is at its pixel budget for segmentation; retry shortly");
        retryAfter(1);
    }
}
