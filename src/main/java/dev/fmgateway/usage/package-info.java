/**
 * The usage ledger (every routed model call, written asynchronously to a database), the usage routes that
 * aggregate it, and the instance-hour cost report of SageMaker endpoints.
 */
@NullMarked
package dev.fmgateway.usage;

import org.jspecify.annotations.NullMarked;
