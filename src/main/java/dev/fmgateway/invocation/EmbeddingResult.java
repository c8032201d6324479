package dev.fmgateway.invocation;

/** One embedding vector and the input tokens it was billed by. */
public record EmbeddingResult(float[] vector, Usage.Tokens usage) implements InferenceResult {
}
