package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The answer must be a JSON value valid against {@code schema}.
 *
 * @param schema JSON Schema (checked to be a valid schema)
 * @param name a name for it (the tool that carries it where the model has no native mode)
 */
public record ResponseFormat(JsonNode schema, @Nullable String name) {
}
