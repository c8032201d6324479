package dev.fmgateway.awsnative;

/**
 * A refusal in AWS's own terms: the error type the SDKs read from {@code x-amzn-ErrorType} (and turn into their
 * typed exceptions), its HTTP status and message. Raised before anything is sent upstream.
 */
class AwsError extends RuntimeException {

    private final String type;

    private final int status;

    AwsError(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    String type() {
        return this.type;
    }

    int status() {
        return this.status;
    }

    static AwsError accessDenied(String message) {
        return new AwsError("AccessDeniedException", 403, message);
    }

    static AwsError unrecognizedClient() {
        return new AwsError("UnrecognizedClientException", 403, "The security token included in the request is invalid.");
    }

    static AwsError invalidSignature(String message) {
        return new AwsError("InvalidSignatureException", 403, message);
    }

    static AwsError incompleteSignature(String message) {
        return new AwsError("IncompleteSignatureException", 403, message);
    }

    static AwsError validation(AwsService service, String message) {
        return new AwsError(service == AwsService.SAGEMAKER ? "ValidationError" : "ValidationException", 400, message);
    }

    static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", 404, message);
    }
}
