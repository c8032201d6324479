package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One shared mapper and small helpers; every body is UTF-8. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    static String text(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    /** Parses a request body; anything that is not a JSON object is a client error. */
    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        }
        catch (JacksonException e) {
            throw ApiException.malformed("#: body is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.malformed("#: expected type: JSONObject, found: "
                    + (node == null || node.isMissingNode() ? "Null" : JsonChecks.typeName(node)));
        }
        return (ObjectNode) node;
    }

    /** Parses JSON that the caller already knows is well-formed, or returns null. */
    static JsonNode tryParse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        }
        catch (JacksonException e) {
            return null;
        }
    }
}
