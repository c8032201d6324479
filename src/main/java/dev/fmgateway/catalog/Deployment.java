package dev.fmgateway.catalog;

/**
 * One place a model can be called: a backend, a region and the upstream id to send there.
 *
 * @param backend Bedrock or SageMaker
 * @param region AWS region the request is signed for and sent to
 * @param upstreamId Bedrock model id or inference profile id, or SageMaker endpoint name
 */
public record Deployment(Backend backend, String region, String upstreamId) {
}
