package dev.fmgateway.provider;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpStatus;

/**
 * An upstream failure after part of a stream reached the client. It keeps the cause's status and code for the
 * {@code error} event, but is never retried: the client already holds part of the answer.
 */
public class StreamInterruptedException extends UpstreamException {

    public StreamInterruptedException(UpstreamException cause) {
        super(status(cause.getStatusCode()), cause.code(), "Stream interrupted",
                "The stream failed after it started: " + cause.getBody().getDetail());
    }

    private static HttpStatus status(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value());
        return status != null ? status : HttpStatus.BAD_GATEWAY;
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
