/**
 * OpenAI-compatible routes under {@code /openai/v1} (chat completions, completions, embeddings, image generations,
 * models), so that OpenAI SDKs work with {@code baseURL = http://host:port/openai/v1}. Requests are translated into
 * the gateway's own requests and go through the same invocation chain; errors use OpenAI's error body.
 */
@NullMarked
package dev.fmgateway.openai;

import org.jspecify.annotations.NullMarked;
