package dev.fmgateway.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic embeddings: every token (lower-cased) owns a pseudo-random Gaussian vector seeded by
 * its hash, and a text's embedding is the sum of its tokens' vectors. Texts sharing words therefore
 * share components and cosine similarity is meaningful (same text → 1, disjoint words → about 0).
 */
final class EmbeddingVectors {

    private EmbeddingVectors() {
    }

    static double[] ofText(String text, int dimensions) {
        double[] sum = new double[dimensions];
        List<String> tokens = Tokenizer.tokens(text);
        for (String token : tokens) {
            add(sum, seeded(token.toLowerCase(Locale.ROOT).hashCode(), dimensions));
        }
        if (tokens.isEmpty()) {
            add(sum, seeded(0, dimensions));
        }
        scale(sum, 1 / Math.sqrt(Math.max(1, tokens.size())));
        return sum;
    }

    static double[] ofBytes(byte[] bytes, int dimensions) {
        return seeded(java.util.Arrays.hashCode(bytes), dimensions);
    }

    static double[] average(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] + b[i]) / 2;
        }
        return out;
    }

    static double[] normalized(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        double[] out = vector.clone();
        if (norm > 0) {
            scale(out, 1 / Math.sqrt(norm));
        }
        return out;
    }

    private static double[] seeded(long seed, int dimensions) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        double[] vector = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = random.nextGaussian() * 0.05;
        }
        return vector;
    }

    private static void add(double[] sum, double[] vector) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += vector[i];
        }
    }

    private static void scale(double[] vector, double factor) {
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= factor;
        }
    }
}
