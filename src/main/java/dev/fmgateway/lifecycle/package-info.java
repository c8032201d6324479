/**
 * Model lifecycle: retired models answer 410 naming their successor, unless the operator serves them.
 */
@NullMarked
package dev.fmgateway.lifecycle;

import org.jspecify.annotations.NullMarked;
