/**
 * Amazon SageMaker Runtime adapter and its container payload codecs.
 */
@NullMarked
package dev.fmgateway.provider.sagemaker;

import org.jspecify.annotations.NullMarked;
