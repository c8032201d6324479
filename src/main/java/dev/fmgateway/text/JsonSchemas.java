package dev.fmgateway.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schemas that callers send (tool input schemas, response formats): checked against the JSON Schema 2020-12
 * meta-schema before any call, and used to validate what the model answers. References must stay inside the
 * schema ({@code #...}): the gateway never fetches a schema from elsewhere.
 */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Schema META = REGISTRY
        .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private static final Set<String> DIALECTS = Arrays.stream(SpecificationVersion.values())
        .map(SpecificationVersion::getDialectId)
        .collect(Collectors.toSet());

    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");

    private JsonSchemas() {
    }

    /**
     * Refuses (400 naming {@code field}) a schema that is not a valid JSON Schema, not an object schema, or that
     * refers outside itself.
     */
    public static void requireValid(String field, JsonNode schema) {
        if (!schema.isObject() || !"object".equals(schema.path("type").asString(""))) {
            throw new InvalidRequestException(field, "must be a JSON Schema of type object");
        }
        String outside = outsideReference(schema);
        if (outside != null) {
            throw new InvalidRequestException(field, "is not a usable JSON Schema: " + outside);
        }
        List<Error> errors = META.validate(schema);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(field, "is not a valid JSON Schema: " + messages(errors));
        }
        try {
            REGISTRY.getSchema(schema).validate(schema.deepCopy());
        }
        catch (SchemaException | IllegalArgumentException ex) {
            throw new InvalidRequestException(field, "is not a usable JSON Schema: " + ex.getMessage());
        }
    }

    /** What makes {@code value} invalid against {@code schema} (a schema checked by {@link #requireValid}). */
    public static List<String> errors(JsonNode schema, JsonNode value) {
        List<String> messages = new ArrayList<>();
        REGISTRY.getSchema(schema).validate(value).forEach(error -> messages.add(error.toString()));
        return messages;
    }

    private static String messages(List<Error> errors) {
        return errors.stream().limit(5).map(Error::toString).collect(Collectors.joining("; "));
    }

    private static String outsideReference(JsonNode node) {
        if (node.isObject()) {
            for (var member : node.properties()) {
                JsonNode value = member.getValue();
                if (REFERENCES.contains(member.getKey()) && value.isString() && !value.stringValue().startsWith("#")) {
                    return member.getKey() + " " + value.stringValue() + " points outside the schema";
                }
                if (member.getKey().equals("$schema") && value.isString() && !DIALECTS.contains(value.stringValue())) {
                    return "$schema " + value.stringValue() + " is not a JSON Schema dialect";
                }
                String inner = outsideReference(value);
                if (inner != null) {
                    return inner;
                }
            }
        }
        else if (node.isArray()) {
            for (JsonNode item : node) {
                String inner = outsideReference(item);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
