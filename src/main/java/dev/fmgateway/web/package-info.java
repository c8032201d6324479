/**
 * Cross-cutting HTTP concerns: request ids, body limits and RFC 9457 problem responses.
 */
@NullMarked
package dev.fmgateway.web;

import org.jspecify.annotations.NullMarked;
