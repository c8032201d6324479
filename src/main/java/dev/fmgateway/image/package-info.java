/**
 * Image generation route.
 */
@NullMarked
package dev.fmgateway.image;

import org.jspecify.annotations.NullMarked;
