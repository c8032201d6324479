package dev.fmgateway.invocation;

/** What a model returned, with the usage the provider reported (or the gateway estimated). */
public sealed interface InferenceResult permits TextResult, ImageResult, SegmentationResult, EmbeddingResult, NativeResult {

    Usage usage();

}
