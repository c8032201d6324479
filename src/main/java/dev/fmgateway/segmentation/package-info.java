/**
 * Image segmentation route.
 */
@NullMarked
package dev.fmgateway.segmentation;

import org.jspecify.annotations.NullMarked;
