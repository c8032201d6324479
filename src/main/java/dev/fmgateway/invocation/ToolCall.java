package dev.fmgateway.invocation;

import tools.jackson.databind.JsonNode;

/** A call the model made to one of the offered tools, with its complete input. */
public record ToolCall(String id, String name, JsonNode input) {
}
