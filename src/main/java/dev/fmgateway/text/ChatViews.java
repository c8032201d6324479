package dev.fmgateway.text;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.ToolCall;
import tools.jackson.databind.JsonNode;

/** The tool calls and reasoning of an answer as the contract names them. */
final class ChatViews {

    private ChatViews() {
    }

    @Schema(name = "TextToolCall", description = "A call the model made to one of the offered tools")
    record ToolCallView(@Schema(description = "Id to answer with a toolResult part", example = "tooluse_01") String id,
            @Schema(example = "get_weather") String name,
            @Schema(description = "Its input, valid against the tool's inputSchema", example = "{\"city\":\"Hanoi\"}")
            JsonNode input) {

        static @Nullable List<ToolCallView> of(List<ToolCall> calls) {
            return calls.isEmpty() ? null : calls.stream().map(c -> new ToolCallView(c.id(), c.name(), c.input())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TextReasoningOutput", description = "The model's reasoning; pass it back unchanged as a reasoning "
            + "part, first in the assistant turn, when you continue the conversation")
    record ReasoningView(@Schema(example = "The user asks for the weather; I need the tool.") String text,
            @Schema(description = "Proves the reasoning is the model's own", example = "c2lnbmF0dXJl") @Nullable String signature) {

        static @Nullable ReasoningView of(ContentPart.@Nullable Reasoning reasoning) {
            return reasoning == null ? null : new ReasoningView(reasoning.text(), reasoning.signature());
        }
    }
}
