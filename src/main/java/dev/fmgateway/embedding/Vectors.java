package dev.fmgateway.embedding;

/** Vector arithmetic for similarity ranking. */
final class Vectors {

    private Vectors() {
    }

    static float[] normalized(float[] vector) {
        double norm = norm(vector);
        if (norm == 0) {
            return vector.clone();
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** Cosine similarity; vectors of different length or zero vectors are a programming error or score 0. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different length: " + a.length + " and " + b.length);
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
