package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * Receives text as a stream produces it. Implementations forward each delta to the client at once. A sink that
 * can no longer deliver (client gone) throws {@link ClientGoneException} so the upstream stream is cancelled.
 */
public interface TextDeltaSink {

    void delta(String text);

    /** The model starts its {@code index}-th tool call (counting from 0). */
    default void toolCallStart(int index, String id, String name) {
    }

    /** A piece of the JSON input of tool call {@code index}; the pieces concatenated are the input. */
    default void toolCallInput(int index, String inputDelta) {
    }

    /** A piece of the model's reasoning. */
    default void reasoning(String text) {
    }

    /** The signature of the reasoning, once it is complete. */
    default void reasoningSignature(String signature) {
    }

    /** Whether any delta was delivered; after that a failed call must not be retried. */
    boolean started();

    /**
     * Thrown by a sink whose client disconnected. Once the adapter has cancelled the upstream stream it rethrows
     * it with what was produced until then, so the call can still be metered (with estimated usage: the
     * provider sends no usage for a cancelled stream).
     */
    final class ClientGoneException extends RuntimeException implements EndedEarly {

        private final transient @Nullable Completion<?> partial;

        public ClientGoneException(Throwable cause) {
            this(cause, null);
        }

        /**
         * @param partial what the deployment produced until the client left (usage estimated), once known
         */
        public ClientGoneException(Throwable cause, @Nullable Completion<?> partial) {
            super("client disconnected", cause);
            this.partial = partial;
        }

        @Override
        public @Nullable Completion<?> partial() {
            return this.partial;
        }

        @Override
        public ClientGoneException withPartial(Completion<?> priced) {
            return new ClientGoneException(getCause(), priced);
        }

        @Override
        public String outcome() {
            return "CLIENT_GONE";
        }
    }
}
