/**
 * Embeddings and similarity routes.
 */
@NullMarked
package dev.fmgateway.embedding;

import org.jspecify.annotations.NullMarked;
