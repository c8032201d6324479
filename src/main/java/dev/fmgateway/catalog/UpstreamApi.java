package dev.fmgateway.catalog;

/** Which Bedrock Runtime API a deployment is called through. */
public enum UpstreamApi {

    /** InvokeModel / InvokeModelWithResponseStream with the family's native body (and every SageMaker call). */
    INVOKE,

    /** Converse / ConverseStream: one typed chat shape for every chat model (tools, images, reasoning, caching). */
    CONVERSE

}
