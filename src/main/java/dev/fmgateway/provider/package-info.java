/**
 * Provider adapters that turn gateway requests into native AWS calls, and the error taxonomy of those calls.
 */
@NullMarked
package dev.fmgateway.provider;

import org.jspecify.annotations.NullMarked;
