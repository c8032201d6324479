/**
 * Cost metering: prices the usage that the serving deployment reported.
 */
@NullMarked
package dev.fmgateway.metering;

import org.jspecify.annotations.NullMarked;
