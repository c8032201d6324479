/**
 * The model catalog: which models exist, where they run, what they can do and what they cost.
 */
@NullMarked
package dev.fmgateway.catalog;

import org.jspecify.annotations.NullMarked;
