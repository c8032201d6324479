/**
 * Caller identity: API keys configured as SHA-256 hashes, the authentication step on the API routes and the
 * model allow-list check in front of the adapters.
 */
@NullMarked
package dev.fmgateway.security;

import org.jspecify.annotations.NullMarked;
