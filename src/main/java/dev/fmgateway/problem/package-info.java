/**
 * What can go wrong, in the gateway's own terms: one table of problem codes and the exception that carries one.
 * No HTTP types: each surface renders a problem in its own shape.
 */
@NullMarked
package dev.fmgateway.problem;

import org.jspecify.annotations.NullMarked;
