package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A function the model may call.
 *
 * @param name its name ({@code [a-zA-Z0-9_-]}, at most 64)
 * @param description what it does, for the model
 * @param inputSchema JSON Schema of its input (an object schema, already checked to be a valid schema)
 */
public record Tool(String name, @Nullable String description, JsonNode inputSchema) {
}
