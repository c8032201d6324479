package dev.fmgateway.invocation;

/** What a caller asks a model to do, independent of any provider's wire format. */
public sealed interface InferenceRequest permits TextPrompt, TextStream, ImagePrompt, SegmentationInput, EmbeddingInput {
}
