/**
 * The invocation chain between controllers and provider adapters, and the sealed request, result and usage types.
 */
@NullMarked
package dev.fmgateway.invocation;

import org.jspecify.annotations.NullMarked;
