package dev.fmgateway.invocation;

import dev.fmgateway.catalog.Deployment;

/**
 * Receives a streamed native answer part by part, as the upstream sends it. A sink that can no longer deliver
 * (client gone) throws {@link TextDeltaSink.ClientGoneException} so the upstream stream is cancelled.
 */
public interface NativeSink {

    /** Called once before the first part, with the deployment that is answering. */
    void open(Deployment deployment, String contentType);

    /** One part of the answer (a Bedrock chunk's bytes, or raw container bytes). */
    void part(byte[] bytes);

    /** Whether any part was delivered; after that a failed call must not be retried. */
    boolean started();

}
