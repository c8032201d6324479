package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Parameter checks of a container, failing the way that container reports bad input. */
final class ContainerParams {

    private final ObjectNode node;
    private final String where;
    private final Function<String, Container.Failure> fail;

    ContainerParams(ObjectNode node, String where, Function<String, Container.Failure> fail) {
        this.node = node;
        this.where = where;
        this.fail = fail;
    }

    static ObjectNode parseObject(byte[] body, Function<String, Container.Failure> fail) {
        JsonNode json = Json.tryParse(body);
        if (json == null || !json.isObject()) {
            throw fail.apply("Failed to deserialize the JSON body: expected a JSON object, got '"
                    + abbreviate(new String(body, StandardCharsets.UTF_8)) + "'");
        }
        return (ObjectNode) json;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    void only(Collection<String> allowed) {
        List<String> unknown = node.propertyNames().stream().filter(k -> !allowed.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw fail.apply("unknown field" + (unknown.size() > 1 ? "s " : " ") + unknown + " in " + where
                    + ", expected one of " + allowed.stream().sorted().toList());
        }
    }

    @Nullable Long integer(String key, long min, long max) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw fail.apply("`" + key + "` must be an integer");
        }
        if (value.longValue() < min || value.longValue() > max) {
            throw fail.apply("`" + key + "` must be " + (max == Long.MAX_VALUE ? ">= " + min : "between " + min + " and " + max)
                    + ", got " + value);
        }
        return value.longValue();
    }

    /** A number in (min, max] when {@code exclusiveMin}, else [min, max]. */
    @Nullable Double number(String key, double min, double max, boolean exclusiveMin) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw fail.apply("`" + key + "` must be a number");
        }
        double number = value.doubleValue();
        if ((exclusiveMin ? number <= min : number < min) || number > max) {
            throw fail.apply("`" + key + "` must be " + (exclusiveMin ? "> " : ">= ") + min
                    + (max == Double.MAX_VALUE ? "" : " and <= " + max) + ", got " + value);
        }
        return number;
    }

    @Nullable Boolean bool(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw fail.apply("`" + key + "` must be a boolean");
        }
        return value.booleanValue();
    }

    /** A string or a list of strings; null when absent. */
    @Nullable List<String> stringOrList(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return List.of(value.stringValue());
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isString()) {
                    throw fail.apply("`" + key + "` must be a string or a list of strings");
                }
                out.add(item.stringValue());
            }
            return out;
        }
        throw fail.apply("`" + key + "` must be a string or a list of strings");
    }
}
