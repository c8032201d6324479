package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.text.TextGenerationRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * OpenAI's {@code tools}, {@code tool_choice}, {@code response_format} and {@code reasoning_effort} in the native
 * route's terms (whose checks then apply: valid JSON Schemas, known tool names, model features).
 */
final class ChatTools {

    /** Output tokens left for the answer when {@code reasoning_effort} is given without a token limit. */
    static final int ANSWER_TOKENS = 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatTools() {
    }

    /** {@code [{type: function, function: {name, description, parameters}}]}; {@code []} is none. */
    static List<TextGenerationRequest.ToolBody> tools(@Nullable JsonNode tools) {
        List<TextGenerationRequest.ToolBody> offered = new ArrayList<>();
        if (!ChatCompletionRequest.present(tools)) {
            return offered;
        }
        if (!tools.isArray()) {
            throw new UnsupportedParameterException("tools", "tools must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String type = tool.path("type").asString("");
            if (!type.equals("function")) {
                throw new UnsupportedParameterException("tools",
                        "tools[" + i + "]: only function tools are supported, not '" + type + "'");
            }
            JsonNode function = tool.path("function");
            if (!function.path("name").isString()) {
                throw new UnsupportedParameterException("tools", "tools[" + i + "].function.name is required");
            }
            JsonNode parameters = function.path("parameters");
            if (parameters.isMissingNode() || parameters.isNull()) {
                // OpenAI: "Omitting parameters defines a function with an empty parameter list."
                parameters = NODES.objectNode().put("type", "object").set("properties", NODES.objectNode());
            }
            JsonNode description = function.path("description");
            offered.add(new TextGenerationRequest.ToolBody(function.path("name").stringValue(),
                    description.isString() ? description.stringValue() : null, parameters));
        }
        return offered;
    }

    /** {@code auto}, {@code none}, {@code required} or {@code {type: function, function: {name}}}. */
    static @Nullable JsonNode choice(@Nullable JsonNode choice, List<TextGenerationRequest.ToolBody> tools) {
        if (!ChatCompletionRequest.present(choice)) {
            return null;
        }
        if (choice.isString()) {
            return switch (choice.stringValue()) {
                // Without tools, auto and none call nothing: frameworks send them by default.
                case "auto", "none" -> tools.isEmpty() ? null : choice;
                case "required" -> NODES.stringNode("any");
                default -> throw new UnsupportedParameterException("tool_choice",
                        "tool_choice must be auto, none, required or {\"type\": \"function\", \"function\": {\"name\": ...}}");
            };
        }
        JsonNode name = choice.path("function").path("name");
        if (!"function".equals(choice.path("type").asString("")) || !name.isString()) {
            throw new UnsupportedParameterException("tool_choice",
                    "tool_choice must be auto, none, required or {\"type\": \"function\", \"function\": {\"name\": ...}}");
        }
        return NODES.objectNode().put("name", name.stringValue());
    }

    /**
     * {@code text} (none), {@code json_object} (any JSON object) or {@code json_schema} (an answer valid against
     * {@code json_schema.schema}); the answer's {@code content} is then the JSON text.
     */
    static TextGenerationRequest.@Nullable ResponseFormatBody responseFormat(@Nullable JsonNode format) {
        if (!ChatCompletionRequest.present(format)) {
            return null;
        }
        String type = format.path("type").asString("");
        return switch (type) {
            case "text" -> null;
            case "json_object" -> new TextGenerationRequest.ResponseFormatBody(NODES.objectNode().put("type", "object"),
                    "json_object");
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").path("schema");
                if (!schema.isObject()) {
                    throw new UnsupportedParameterException("response_format",
                            "response_format.json_schema.schema is required (a JSON Schema of type object)");
                }
                JsonNode name = format.path("json_schema").path("name");
                yield new TextGenerationRequest.ResponseFormatBody(schema, name.isString() ? name.stringValue() : null);
            }
            default -> throw new UnsupportedParameterException("response_format",
                    "response_format type must be text, json_object or json_schema, not '" + type + "'");
        };
    }

    /** {@code low}, {@code medium}, {@code high} as a budget of reasoning tokens; {@code minimal} or none: none. */
    static @Nullable Integer reasoningBudget(@Nullable String effort) {
        if (effort == null) {
            return null;
        }
        return switch (effort) {
            case "none", "minimal" -> null;
            case "low" -> 1024;
            case "medium" -> 4096;
            case "high" -> 16_384;
            default -> throw new UnsupportedParameterException("reasoning_effort",
                    "reasoning_effort must be minimal, low, medium or high, not '" + effort + "'");
        };
    }
}
