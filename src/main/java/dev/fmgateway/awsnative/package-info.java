/**
 * The native AWS entry points: Bedrock Runtime ({@code /model/{modelId}/invoke...}), SageMaker Runtime
 * ({@code /endpoints/{name}/invocations...}) and Bedrock's ListInferenceProfiles, served exactly as AWS serves
 * them so that apps built on the AWS SDKs only change their endpoint. Callers authenticate with a gateway key as a
 * Bedrock API key or with SigV4 and gateway-issued credentials; errors take AWS's shape.
 */
@NullMarked
package dev.fmgateway.awsnative;

import org.jspecify.annotations.NullMarked;
