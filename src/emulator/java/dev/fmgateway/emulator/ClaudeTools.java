package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic tool use for the Claude Messages body: when tools are offered and the last turn is the user's (not
 * a tool result), the reply calls the tool that {@code tool_choice} forces, else the first tool the user's text
 * names, else (with {@code tool_choice: any}) the first tool; its input is built from the tool's
 * {@code input_schema} so that it validates (required properties, enum values, types). After a
 * {@code tool_result} the reply is ordinary text.
 */
final class ClaudeTools {

    private ClaudeTools() {
    }

    /** The {@code tool_use} block the reply makes, or null for a text reply. */
    static ObjectNode toolUse(ObjectNode body) {
        if (!(body.get("tools") instanceof ArrayNode tools) || tools.isEmpty()
                || !(body.get("messages") instanceof ArrayNode messages) || messages.isEmpty()) {
            return null;
        }
        JsonNode last = messages.get(messages.size() - 1);
        if (!"user".equals(last.path("role").asString("")) || hasToolResult(last.get("content"))) {
            return null;
        }
        JsonNode choice = body.get("tool_choice");
        String choiceType = choice == null ? "auto" : choice.path("type").asString("auto");
        JsonNode tool = switch (choiceType) {
            case "none" -> null;
            case "tool" -> find(tools, choice.path("name").asString(""));
            case "any" -> named(tools, text(last.get("content"))) != null ? named(tools, text(last.get("content")))
                    : tools.get(0);
            default -> named(tools, text(last.get("content")));
        };
        if (tool == null) {
            return null;
        }
        ObjectNode use = Json.object()
            .put("type", "tool_use")
            .put("id", "toolu_bdrk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
            .put("name", tool.path("name").asString());
        use.set("input", value(tool.path("input_schema"), tool.path("name").asString(), 0));
        return use;
    }

    private static boolean hasToolResult(JsonNode content) {
        if (content instanceof ArrayNode blocks) {
            for (JsonNode block : blocks) {
                if ("tool_result".equals(block.path("type").asString(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode content) {
        if (content == null) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            text.append(block.path("text").asString("")).append('\n');
        }
        return text.toString();
    }

    private static JsonNode find(ArrayNode tools, String name) {
        for (JsonNode tool : tools) {
            if (tool.path("name").asString("").equals(name)) {
                return tool;
            }
        }
        return null;
    }

    private static JsonNode named(ArrayNode tools, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (JsonNode tool : tools) {
            String name = tool.path("name").asString("");
            if (!name.isEmpty() && lower.contains(name.toLowerCase(Locale.ROOT))) {
                return tool;
            }
        }
        return null;
    }

    /** A value that validates against a JSON schema: every required property, the first enum value, its type. */
    private static JsonNode value(JsonNode schema, String name, int depth) {
        if (schema.get("enum") instanceof ArrayNode values && !values.isEmpty()) {
            return values.get(0);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString("string")
                : schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> Json.MAPPER.getNodeFactory().numberNode(atLeast(schema, 1));
            case "number" -> Json.MAPPER.getNodeFactory().numberNode((double) atLeast(schema, 1));
            case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(true);
            case "null" -> Json.MAPPER.getNodeFactory().nullNode();
            default -> Json.MAPPER.getNodeFactory().stringNode(string(schema, name));
        };
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = Json.object();
        if (depth > 8) {
            return object;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(node -> required.add(node.asString()));
        JsonNode properties = schema.path("properties");
        List<String> names = new ArrayList<>(properties.propertyNames());
        for (String property : names) {
            if (required.contains(property)) {
                object.set(property, value(properties.get(property), property, depth + 1));
            }
        }
        return object;
    }

    private static ArrayNode array(JsonNode schema, String name, int depth) {
        ArrayNode array = Json.array();
        int items = (int) Math.max(1, schema.path("minItems").asLong(1));
        for (int i = 0; i < items && schema.has("items") && depth <= 8; i++) {
            array.add(value(schema.get("items"), name, depth + 1));
        }
        return array;
    }

    private static long atLeast(JsonNode schema, long fallback) {
        return schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : fallback;
    }

    private static String string(JsonNode schema, String name) {
        String value = "example " + name;
        int min = (int) schema.path("minLength").asLong(0);
        while (value.length() < min) {
            value = value + " " + name;
        }
        int max = (int) schema.path("maxLength").asLong(Integer.MAX_VALUE);
        return value.length() > max ? value.substring(0, max) : value;
    }
}
