package dev.fmgateway.invocation;

import dev.fmgateway.catalog.Deployment;

/**
 * What a caller asks a model to do, independent of any provider's wire format, typed by the result it yields.
 *
 * @param <R> the result a call with this request returns
 */
public sealed interface InferenceRequest<R extends InferenceResult>
        permits TextPrompt, TextStream, ImagePrompt, SegmentationInput, EmbeddingInput, NativeCall {

    /** The result type, checked once where a completion leaves the chain. */
    Class<R> resultType();

    /** Whether this deployment can serve the request (a native body only its own backend and family). */
    default boolean servedBy(Deployment deployment) {
        return true;
    }

}
