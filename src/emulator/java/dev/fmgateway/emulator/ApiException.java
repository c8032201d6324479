package dev.fmgateway.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the rest-json way: HTTP status, {@code x-amzn-ErrorType} code and a JSON body with
 * the message plus extra members (e.g. SageMaker's {@code OriginalStatusCode}).
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> members;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, String code, String message, Map<String, Object> members) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.members = new LinkedHashMap<>(members);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, Object> members() {
        return members;
    }

    // Authentication failures, same shape for both services.

    static ApiException missingToken() {
        return new ApiException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static ApiException incompleteSignature(String message) {
        return new ApiException(403, "IncompleteSignatureException", message);
    }

    static ApiException unrecognizedClient() {
        return new ApiException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    static ApiException invalidSignature(String message) {
        return new ApiException(403, "InvalidSignatureException", message);
    }

    // Bedrock Runtime errors (service model bedrock-runtime 2023-09-30).

    static ApiException validation(String message) {
        return new ApiException(400, "ValidationException", message);
    }

    static ApiException malformed(String violation) {
        return validation("Malformed input request: " + violation + ", please reformat your input and try again.");
    }

    static ApiException unknownOperation() {
        return new ApiException(404, "UnknownOperationException", "");
    }
}
