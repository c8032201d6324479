/**
 * Amazon Bedrock Runtime adapter and its model-family payload codecs.
 */
@NullMarked
package dev.fmgateway.provider.bedrock;

import org.jspecify.annotations.NullMarked;
