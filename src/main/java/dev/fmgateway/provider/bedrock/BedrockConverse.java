package dev.fmgateway.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import dev.fmgateway.aws.AwsClients;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Deadline;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.provider.NativeStreamState;
import dev.fmgateway.provider.Upstream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.http.SdkHttpUtils;
import software.amazon.eventstream.Message;
import software.amazon.eventstream.MessageDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converse and ConverseStream with the caller's own body. The SDK's typed {@code converse()} only sends what it
 * builds from its model classes, so the body would be re-serialized; instead this signs a raw
 * {@code POST /model/{upstreamId}/converse(-stream)} with the SDK's own SigV4 signer and the gateway's credentials
 * and sends it on the SDK's shared async HTTP client (the pool, timeouts and endpoint override the Bedrock clients
 * use, so the emulator answers in tests). The answer comes back as sent; usage is read from its {@code usage}
 * member, or from a stream's {@code metadata} event, decoded alongside the frames relayed to the caller.
 */
final class BedrockConverse {

    /** Reads upstream error bodies (no configuration needed for {@code {"message"}}). */
    private static final JsonMapper ERROR_JSON = JsonMapper.builder().build();

    private final AwsClients aws;

    private final JsonMapper json;

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    BedrockConverse(AwsClients aws, JsonMapper json) {
        this.aws = aws;
        this.json = json;
    }

    /** Converse: the answer body unchanged, usage from its {@code usage} member. */
    NativeResult converse(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        byte[] body = exchange(model, deployment, call.body(), deadline);
        Usage.Tokens usage;
        try {
            usage = usage(this.json.readTree(body).path("usage"));
        }
        catch (RuntimeException ex) {
            usage = null;
        }
        return new NativeResult(body, "application/json", Map.of(),
                usage != null ? usage : new Usage.Tokens(estimate(call.body()), estimate(body), true));
    }

    /**
     * Sends a Converse body and waits for the answer's body until the deadline (then the exchange is aborted); an
     * error answer becomes the typed exception its error type names, translated by {@link BedrockErrors}.
     */
    byte[] exchange(CatalogModel model, Deployment deployment, byte[] request, Deadline deadline) {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        CompletableFuture<Void> sent = send(deployment, request, "converse", new Collect(answer::complete, answer));
        sent.whenComplete((ignored, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((ignored, failure) -> {
            if (answer.isCancelled()) {
                sent.cancel(true);
            }
        });
        return Upstream.await(answer, deadline, model.id(), BedrockErrors::translate);
    }

    /** ConverseStream: the upstream's frames go to the caller's sink as they come. */
    NativeResult converseStream(CatalogModel model, Deployment deployment, NativeCall call, Deadline deadline) {
        AtomicReference<Usage.@Nullable Tokens> reported = new AtomicReference<>();
        MessageDecoder decoder = new MessageDecoder(message -> metadata(message, reported));
        NativeStreamState state = new NativeStreamState(model, deployment, call, null, false,
                "application/vnd.amazon.eventstream");
        NativeResult result = state.read(parts -> {
            Relay relay = new Relay(parts, decoder);
            CompletableFuture<Void> sent = send(deployment, call.body(), "converse-stream", relay);
            sent.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    relay.fail(failure);
                }
            });
            return sent;
        }, deadline, BedrockErrors::translate);
        Usage.Tokens usage = reported.get();
        return usage == null ? result
                : new NativeResult(result.body(), result.contentType(), result.headers(), usage);
    }

    private void metadata(Message message, AtomicReference<Usage.@Nullable Tokens> reported) {
        HeaderOf type = new HeaderOf(message);
        if ("event".equals(type.get(":message-type")) && "metadata".equals(type.get(":event-type"))) {
            try {
                Usage.Tokens usage = usage(this.json.readTree(message.getPayload()).path("usage"));
                if (usage != null) {
                    reported.set(usage);
                }
            }
            catch (RuntimeException ex) {
                // Not JSON after all: the call counts by the estimate.
            }
        }
    }

    private record HeaderOf(Message message) {
        @Nullable String get(String name) {
            var value = this.message.getHeaders().get(name);
            return value == null ? null : value.getString();
        }
    }

    /**
     * The tokens a Converse {@code usage} reports. Cached prompt tokens (read or written) are prompt tokens the
     * model processed, so they count as input: Converse's {@code inputTokens} leaves them out.
     */
    private static Usage.@Nullable Tokens usage(JsonNode usage) {
        if (!usage.path("inputTokens").isNumber() || !usage.path("outputTokens").isNumber()) {
            return null;
        }
        long input = usage.path("inputTokens").asLong() + usage.path("cacheReadInputTokens").asLong(0)
                + usage.path("cacheWriteInputTokens").asLong(0);
        return new Usage.Tokens(input, usage.path("outputTokens").asLong(), false);
    }

    private static long estimate(byte[] bytes) {
        return Usage.Tokens.estimate(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Signs the raw request with the gateway's credentials for the deployment's region, and sends it. */
    private CompletableFuture<Void> send(Deployment deployment, byte[] request, String operation,
            SdkAsyncHttpResponseHandler handler) {
        URI endpoint = this.aws.access().bedrockEndpoint() != null ? this.aws.access().bedrockEndpoint()
                : URI.create("https://bedrock-runtime." + deployment.region() + ".amazonaws.com");
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .encodedPath(stripSlash(endpoint.getRawPath()) + "/model/" + SdkHttpUtils.urlEncode(deployment.upstreamId())
                    + "/" + operation)
            .putHeader("Content-Type", "application/json")
            .putHeader("Accept", operation.endsWith("stream") ? "application/vnd.amazon.eventstream"
                    : "application/json")
            .putHeader("Content-Length", Integer.toString(request.length))
            .build();
        SdkHttpRequest signed = this.signer
            .sign(r -> r.identity(this.aws.access().credentials().resolveIdentity().join())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, deployment.region()))
            .request();
        AsyncRequestBody body = AsyncRequestBody.fromBytesUnsafe(request);
        SdkHttpContentPublisher content = new SdkHttpContentPublisher() {
            @Override
            public Optional<Long> contentLength() {
                return body.contentLength();
            }

            @Override
            public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                body.subscribe(subscriber);
            }
        };
        return this.aws.httpClient()
            .execute(AsyncExecuteRequest.builder()
                .request(signed)
                .requestContentPublisher(content)
                .responseHandler(handler)
                .build());
    }

    private static String stripSlash(@Nullable String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Collects a plain answer; an error status becomes the typed Bedrock exception its error type names. */
    private static final class Collect implements SdkAsyncHttpResponseHandler {

        private final Consumer<byte[]> done;

        private final CompletableFuture<?> failed;

        private volatile @Nullable SdkHttpResponse response;

        Collect(Consumer<byte[]> done, CompletableFuture<?> failed) {
            this.done = done;
            this.failed = failed;
        }

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            this.response = headers;
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            SdkHttpResponse headers = this.response;
            stream.subscribe(new Bytes(bytes -> {
                if (headers != null && headers.isSuccessful()) {
                    this.done.accept(bytes);
                }
                else {
                    this.failed.completeExceptionally(error(headers, bytes));
                }
            }, this.failed::completeExceptionally));
        }

        @Override
        public void onError(Throwable error) {
            this.failed.completeExceptionally(error);
        }
    }

    /**
     * Relays a stream's bytes to the consumer as they come, one buffer per request, and feeds each to the decoder
     * that looks for usage. An error status is collected and ends the consumer with the typed exception.
     */
    private static final class Relay implements SdkAsyncHttpResponseHandler {

        private final Subscriber<byte[]> parts;

        private final MessageDecoder decoder;

        private volatile @Nullable SdkHttpResponse response;

        private volatile boolean ended;

        Relay(Subscriber<byte[]> parts, MessageDecoder decoder) {
            this.parts = parts;
            this.decoder = decoder;
        }

        @Override
        public void onHeaders(SdkHttpResponse headers) {
            this.response = headers;
        }

        @Override
        public void onStream(Publisher<ByteBuffer> stream) {
            SdkHttpResponse headers = this.response;
            if (headers == null || !headers.isSuccessful()) {
                stream.subscribe(new Bytes(bytes -> fail(error(headers, bytes)), this::fail));
                return;
            }
            stream.subscribe(new Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    Relay.this.parts.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer buffer) {
                    byte[] bytes = BinaryUtils.copyBytesFrom(buffer);
                    try {
                        Relay.this.decoder.feed(bytes);
                    }
                    catch (RuntimeException ex) {
                        // Not a well-formed frame: the caller still gets it as sent; usage falls back to the estimate.
                    }
                    Relay.this.parts.onNext(bytes);
                }

                @Override
                public void onError(Throwable error) {
                    fail(error);
                }

                @Override
                public void onComplete() {
                    if (!Relay.this.ended) {
                        Relay.this.ended = true;
                        Relay.this.parts.onComplete();
                    }
                }
            });
        }

        @Override
        public void onError(Throwable error) {
            fail(error);
        }

        void fail(Throwable error) {
            if (!this.ended) {
                this.ended = true;
                this.parts.onError(error);
            }
        }
    }

    /** Reads a whole body. */
    private static final class Bytes implements Subscriber<ByteBuffer> {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private final Consumer<byte[]> done;

        private final Consumer<Throwable> failed;

        Bytes(Consumer<byte[]> done, Consumer<Throwable> failed) {
            this.done = done;
            this.failed = failed;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            this.out.writeBytes(BinaryUtils.copyBytesFrom(buffer));
        }

        @Override
        public void onError(Throwable error) {
            this.failed.accept(error);
        }

        @Override
        public void onComplete() {
            this.done.accept(this.out.toByteArray());
        }
    }

    /**
     * The typed exception Bedrock's error type names ({@code x-amzn-ErrorType}, up to any {@code :}), with its
     * message and status, so that {@link BedrockErrors} maps it as it maps the SDK's own.
     */
    static AwsServiceException error(@Nullable SdkHttpResponse response, byte[] body) {
        int status = response != null ? response.statusCode() : 500;
        String type = response == null ? "" : response.firstMatchingHeader("x-amzn-ErrorType")
            .map(value -> value.split(":", 2)[0].trim())
            .orElse("");
        String message = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode json = ERROR_JSON.readTree(body);
            String member = json.path("message").isString() ? json.path("message").asString()
                    : json.path("Message").asString(message);
            message = member;
        }
        catch (RuntimeException ex) {
            // Not JSON: the body is the message.
        }
        AwsServiceException.Builder builder = switch (type) {
            case "ValidationException" -> ValidationException.builder();
            case "ThrottlingException" -> ThrottlingException.builder();
            case "ServiceQuotaExceededException" -> ServiceQuotaExceededException.builder();
            case "ModelNotReadyException" -> ModelNotReadyException.builder();
            case "ModelTimeoutException" -> ModelTimeoutException.builder();
            case "ModelErrorException" -> ModelErrorException.builder();
            case "AccessDeniedException" -> AccessDeniedException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            case "InternalServerException" -> InternalServerException.builder();
            case "ServiceUnavailableException" -> ServiceUnavailableException.builder();
            default -> BedrockRuntimeException.builder();
        };
        AwsErrorDetails.Builder details = AwsErrorDetails.builder()
            .errorCode(type.isEmpty() ? "HTTP " + status : type)
            .errorMessage(message)
            .serviceName("BedrockRuntime");
        if (response != null) {
            details.sdkHttpResponse(response);
        }
        return builder.statusCode(status)
            .message(message)
            .requestId(response == null ? null : response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
            .awsErrorDetails(details.build())
            .build();
    }
}
