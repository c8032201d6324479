package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.InferenceRequest;
import dev.fmgateway.invocation.InferenceResult;

/**
 * Turns a gateway request into one native call on a backend and its answer back into a result. The AWS SDK
 * signs and sends; the adapter only maps payloads, usage and errors. Failures are thrown as
 * {@link UpstreamException}s; nothing provider-specific leaves the adapter.
 */
public interface ProviderAdapter {

    Backend backend();

    /** Whether the adapter has a codec for this family and kind of request. */
    boolean supports(PayloadFamily family);

    /** Calls {@code deployment}, waiting no longer than {@code deadline} (then cancels and answers 504). */
    InferenceResult invoke(CatalogModel model, Deployment deployment, InferenceRequest request, Deadline deadline);

}
