/**
 * The AWS client plumbing, in one place: credentials and endpoints ({@link dev.fmgateway.aws.AwsAccess}), the
 * shared HTTP client, the client overrides (our timeouts, no SDK retries) and the per-region client holder.
 */
@NullMarked
package dev.fmgateway.aws;

import org.jspecify.annotations.NullMarked;
