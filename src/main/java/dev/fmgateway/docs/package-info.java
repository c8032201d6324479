/**
 * The OpenAPI description of the gateway's own routes: metadata, security schemes, problem responses and the
 * streaming response, served by springdoc at {@code /v3/api-docs} and committed as {@code docs/openapi.json}.
 */
@NullMarked
package dev.fmgateway.docs;

import org.jspecify.annotations.NullMarked;
