/**
 * Region-aware routing: which deployment of a model may serve a call.
 */
@NullMarked
package dev.fmgateway.region;

import org.jspecify.annotations.NullMarked;
