/**
 * Resilience around upstream calls: circuit breakers and retries owned in one place.
 */
@NullMarked
package dev.fmgateway.resilience;

import org.jspecify.annotations.NullMarked;
