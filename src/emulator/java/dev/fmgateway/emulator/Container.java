package dev.fmgateway.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An emulated inference container behind a SageMaker endpoint. It sees the body and content types the
 * caller sent, as a real container does; SageMaker wraps its failures in {@code ModelError}.
 */
interface Container {

    /**
     * @param contentType {@code Content-Type} of the call
     * @param accept {@code Accept} (InvokeEndpoint) or {@code X-Amzn-SageMaker-Accept} (streaming), may be empty
     * @param body raw body
     * @param sessionId {@code X-Amzn-SageMaker-Session-Id} ({@code NEW_SESSION} or an id), null when absent
     */
    record Request(String contentType, String accept, byte[] body, @Nullable String sessionId) {
    }

    /** An answer, with response headers of the container's own (session ids), if any. */
    record Reply(String contentType, byte[] body, Map<String, String> headers) {

        Reply(String contentType, byte[] body) {
            this(contentType, body, Map.of());
        }
    }

    /** The container answered 4xx/5xx with this body. */
    final class Failure extends RuntimeException {

        private final int status;
        private final String body;

        Failure(int status, String body) {
            super(body, null, false, false);
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }
    }

    Reply invoke(Request request);

    /** The raw payload parts of a streamed answer, in order, with their content type and response headers. */
    record Parts(String contentType, List<byte[]> parts, Map<String, String> headers) {

        Parts(String contentType, List<byte[]> parts) {
            this(contentType, parts, Map.of());
        }
    }

    /** By default a container without token streaming answers a streaming call in one part. */
    default Parts stream(Request request) {
        Reply reply = invoke(request);
        return new Parts(reply.contentType(), List.of(reply.body()), reply.headers());
    }
}
