package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema-style checks of a native request body that collect violations worded like Bedrock's JSON
 * schema validator ({@code #/temperature: 2 is not less or equal to 1}). One violation gives
 * "Malformed input request: &lt;violation&gt;, please reformat your input and try again."; several give
 * "Malformed input request: N schema violations found, …" as Bedrock does.
 */
final class JsonChecks {

    private final List<String> violations = new ArrayList<>();

    /** Reports keys of {@code node} that are not in {@code allowed}. */
    void onlyKeys(String pointer, ObjectNode node, Collection<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                violations.add(pointer + ": extraneous key [" + key + "] is not permitted");
            }
        }
    }

    void add(String violation) {
        violations.add(violation);
    }

    boolean ok() {
        return violations.isEmpty();
    }

    void throwIfAny() {
        if (violations.size() == 1) {
            throw ApiException.malformed(violations.getFirst());
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation("Malformed input request: " + violations.size()
                    + " schema violations found, please reformat your input and try again.");
        }
    }

    @Nullable String string(String pointer, ObjectNode node, String key, boolean required) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            return typeError(pointer, key, "String", value);
        }
        return value.stringValue();
    }

    @Nullable String string(String pointer, ObjectNode node, String key, boolean required, int maxLength) {
        String value = string(pointer, node, key, required);
        if (value != null && value.length() > maxLength) {
            violations.add(pointer + "/" + key + ": expected maxLength: " + maxLength + ", actual: " + value.length());
        }
        return value;
    }

    @Nullable String enumValue(String pointer, ObjectNode node, String key, boolean required, Set<String> values) {
        String value = string(pointer, node, key, required);
        if (value != null && !values.contains(value)) {
            violations.add(pointer + "/" + key + ": " + value + " is not a valid enum value");
            return null;
        }
        return value;
    }

    @Nullable Long integer(String pointer, ObjectNode node, String key, boolean required, long min, long max) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            return typeError(pointer, key, "Integer", value);
        }
        long number = value.longValue();
        return inRange(pointer + "/" + key, value, number, min, max) ? number : null;
    }

    @Nullable Double number(String pointer, ObjectNode node, String key, boolean required, double min, double max) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            return typeError(pointer, key, "Number", value);
        }
        double number = value.doubleValue();
        return inRange(pointer + "/" + key, value, number, min, max) ? number : null;
    }

    @Nullable Boolean bool(String pointer, ObjectNode node, String key, boolean required) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return typeError(pointer, key, "Boolean", value);
        }
        return value.booleanValue();
    }

    @Nullable ObjectNode object(String pointer, ObjectNode node, String key, boolean required) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return typeError(pointer, key, "JSONObject", value);
        }
        return (ObjectNode) value;
    }

    @Nullable ArrayNode array(String pointer, ObjectNode node, String key, boolean required, int minItems, int maxItems) {
        JsonNode value = present(pointer, node, key, required);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return typeError(pointer, key, "JSONArray", value);
        }
        if (value.size() < minItems) {
            violations.add(pointer + "/" + key + ": expected minimum item count: " + minItems + ", found: " + value.size());
        }
        if (value.size() > maxItems) {
            violations.add(pointer + "/" + key + ": expected maximum item count: " + maxItems + ", found: " + value.size());
        }
        return (ArrayNode) value;
    }

    /** A list of strings; wrong items are reported and skipped. */
    @Nullable List<String> strings(String pointer, ObjectNode node, String key, boolean required, int maxItems) {
        ArrayNode array = array(pointer, node, key, required, 0, maxItems);
        if (array == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isString()) {
                out.add(item.stringValue());
            }
            else {
                violations.add(pointer + "/" + key + "/" + i + ": expected type: String, found: " + typeName(item));
            }
        }
        return out;
    }

    private @Nullable JsonNode present(String pointer, ObjectNode node, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(pointer + ": required key [" + key + "] not found");
            }
            return null;
        }
        return value;
    }

    private boolean inRange(String path, JsonNode value, double number, double min, double max) {
        if (number < min) {
            violations.add(path + ": " + value + " is not greater or equal to " + format(min));
            return false;
        }
        if (number > max) {
            violations.add(path + ": " + value + " is not less or equal to " + format(max));
            return false;
        }
        return true;
    }

    private <T> @Nullable T typeError(String pointer, String key, String expected, JsonNode value) {
        violations.add(pointer + "/" + key + ": expected type: " + expected + ", found: " + typeName(value));
        return null;
    }

    private static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    static String typeName(JsonNode node) {
        if (node.isString()) {
            return "String";
        }
        if (node.isIntegralNumber()) {
            return "Integer";
        }
        if (node.isNumber()) {
            return "BigDecimal";
        }
        if (node.isBoolean()) {
            return "Boolean";
        }
        if (node.isArray()) {
            return "JSONArray";
        }
        if (node.isObject()) {
            return "JSONObject";
        }
        return "Null";
    }
}
