package dev.fmgateway.invocation;

/** Generated text, why it ended and the tokens it took. */
public record TextResult(String output, FinishReason finishReason, Usage.Tokens usage) implements InferenceResult {
}
