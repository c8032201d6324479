package dev.fmgateway.invocation;

import java.util.List;

/** The embedding vectors of one call, one per text in input order, and the input tokens they were billed by. */
public record EmbeddingResult(List<float[]> vectors, Usage.Tokens usage) implements InferenceResult {

    public EmbeddingResult {
        vectors = List.copyOf(vectors);
    }

    /** One vector. */
    public EmbeddingResult(float[] vector, Usage.Tokens usage) {
        this(List.of(vector), usage);
    }

    /** The first (for one-input calls, the only) vector. */
    public float[] vector() {
        return this.vectors.getFirst();
    }
}
