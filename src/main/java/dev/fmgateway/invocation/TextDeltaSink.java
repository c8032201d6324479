package dev.fmgateway.invocation;

/**
 * Receives text as a stream produces it. Implementations forward each delta to the client at once. A sink that
 * can no longer deliver (client gone) throws {@link ClientGoneException} so the upstream stream is cancelled.
 */
public interface TextDeltaSink {

    void delta(String text);

    /** Whether any delta was delivered; after that a failed call must not be retried. */
    boolean started();

    /** Thrown by a sink whose client disconnected. */
    final class ClientGoneException extends RuntimeException {

        public ClientGoneException(Throwable cause) {
            super("client disconnected", cause);
        }
    }
}
