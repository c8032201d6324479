/**
 * Text generation route.
 */
@NullMarked
package dev.fmgateway.text;

import org.jspecify.annotations.NullMarked;
