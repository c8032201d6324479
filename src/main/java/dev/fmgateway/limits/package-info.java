/**
 * Per key, team, model and key × model limits (requests and tokens per minute, concurrent requests) and spend
 * budgets (USD per day or month), read from {@code config/limits.yaml} and re-read when it changes, enforced across
 * replicas through Redis (atomic Lua scripts) or, without Redis, in this process.
 */
@NullMarked
package dev.fmgateway.limits;

import org.jspecify.annotations.NullMarked;
