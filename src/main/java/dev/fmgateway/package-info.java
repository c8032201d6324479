/**
 * fm-gateway: one metered, resilient HTTP API in front of Amazon Bedrock and SageMaker foundation models.
 */
@NullMarked
package dev.fmgateway;

import org.jspecify.annotations.NullMarked;
