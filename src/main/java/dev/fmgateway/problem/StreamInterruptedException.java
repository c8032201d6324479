package dev.fmgateway.problem;


/**
 * An upstream failure after part of a stream reached the client. It keeps the cause's status and code for the
 * {@code error} event, but is never retried: the client already holds part of the answer.
 */
public class StreamInterruptedException extends UpstreamException {

    public StreamInterruptedException(UpstreamException cause) {
        super(cause.code(), "The stream failed after it started: " + cause.detail());
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
