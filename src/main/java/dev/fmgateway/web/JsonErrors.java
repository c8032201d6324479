package dev.fmgateway.web;

import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a body that could not be read into a sentence for the caller: which field, what was wrong, where.
 * Jackson's own messages name Java types, so they are never passed through.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException json)) {
            return "The request body is missing or is not valid JSON";
        }
        String field = path(json);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + field + "'" + (unknown.getPath().size() > 1 ? "" : " in the request");
        }
        if (json instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() != null ? kind(mismatch.getTargetType()) : "another type";
            return field.isEmpty() ? "The request body must be a JSON object"
                    : "Field '" + field + "' must be " + expected;
        }
        if (json instanceof StreamReadException) {
            return "Malformed JSON" + location(json.getLocation());
        }
        return field.isEmpty() ? "The request body could not be read" : "Field '" + field + "' is invalid";
    }

    private static String path(JacksonException ex) {
        return ex.getPath()
            .stream()
            .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    }

    private static String kind(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + java.util.Arrays.toString(type.getEnumConstants()) : "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String location(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
