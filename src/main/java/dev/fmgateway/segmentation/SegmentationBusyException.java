package dev.fmgateway.segmentation;

import dev.fmgateway.problem.ProblemCode;

import dev.fmgateway.problem.GatewayException;

/** The segmentations in flight hold the whole pixel budget: rejected at once, with a hint when to retry. */
class SegmentationBusyException extends GatewayException {

    SegmentationBusyException() {
        super(ProblemCode.RATE_LIMITED, "The gateway is at its pixel budget for segmentation; retry shortly");
        retryAfter(1);
    }
}
