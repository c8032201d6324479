package dev.fmgateway.openai;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The items a response answers: those of the previous response (its input and output), then this request's input
 * items from {@code inputStart} on, item references replaced by the items they name.
 */
record Conversation(List<JsonNode> items, int inputStart) {

    Conversation {
        items = List.copyOf(items);
    }
}
