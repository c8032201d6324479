package dev.fmgateway.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A field is valid JSON but not acceptable for this model or route (400 {@code INVALID_REQUEST}). */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request", field + " " + message);
        extend("fieldErrors", List.of(Map.of("field", field, "message", message)));
    }
}
