package dev.fmgateway.emulator;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A deterministic value for a JSON Schema, as a model filling a tool's input would write it: every property of
 * an object, {@code enum}/{@code const} honoured, strings made of the prompt's words within minLength/maxLength,
 * numbers at their minimum. It does not try to satisfy {@code pattern} or {@code format} (so tests can make a
 * model's answer miss a schema on purpose).
 */
final class SchemaValues {

    private SchemaValues() {
    }

    static JsonNode of(JsonNode schema, List<String> words, JsonNode root) {
        if (schema.has("$ref") && schema.get("$ref").asString("").startsWith("#")) {
            return of(root.at(schema.get("$ref").asString().substring(1)), words, root);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        for (String union : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(union) && !schema.get(union).isEmpty()) {
                return of(schema.get(union).get(0), words, root);
            }
        }
        JsonNode type = schema.path("type");
        String kind = type.isArray() && !type.isEmpty() ? type.get(0).asString() : type.asString("object");
        return switch (kind) {
            case "string" -> Json.MAPPER.getNodeFactory().stringNode(string(schema, words));
            case "integer" -> Json.MAPPER.getNodeFactory().numberNode(schema.path("minimum").asLong(1));
            case "number" -> Json.MAPPER.getNodeFactory().numberNode(schema.path("minimum").asDouble(1.5));
            case "boolean" -> Json.MAPPER.getNodeFactory().booleanNode(true);
            case "null" -> Json.MAPPER.getNodeFactory().nullNode();
            case "array" -> {
                ArrayNode array = Json.array();
                int count = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < count; i++) {
                    array.add(of(schema.path("items"), words, root));
                }
                yield array;
            }
            default -> {
                ObjectNode object = Json.object();
                schema.path("properties").properties()
                    .forEach(property -> object.set(property.getKey(), of(property.getValue(), words, root)));
                yield object;
            }
        };
    }

    private static String string(JsonNode schema, List<String> words) {
        StringBuilder text = new StringBuilder(words.isEmpty() ? "emulated" : words.getLast());
        int min = schema.path("minLength").asInt(0);
        for (int i = 0; text.length() < min; i++) {
            text.append(' ').append(words.isEmpty() ? "emulated" : words.get(i % words.size()));
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text.toString();
    }
}
