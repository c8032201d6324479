package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamTimeoutException;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.problem.UpstreamException;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What the Bedrock and SageMaker error tables share: unwrapping, a safe message, one log line, and the mapping
 * of failures that are not specific to either service (timeouts, throttling, 5xx, unreachable).
 */
public final class UpstreamErrors {

    private static final Logger log = LoggerFactory.getLogger(UpstreamErrors.class);

    private static final FailureLog FAILURES = new FailureLog(FailureLog.INTERVAL_NANOS, System::nanoTime);

    private UpstreamErrors() {
    }

    /** One service's own error table: the failure for an exception it knows, else null. */
    @FunctionalInterface
    public interface Table {

        @Nullable UpstreamException map(Throwable ex, String message);

    }

    /**
     * Translates an SDK failure: unwraps it, logs it (rate-limited), and maps it with the service's own table,
     * falling back to the failures either service can produce.
     */
    public static UpstreamException translate(String service, String modelId, Throwable failure, Table table) {
        Throwable ex = unwrap(failure);
        if (ex instanceof UpstreamException upstream) {
            return upstream;
        }
        String message = describe(service, modelId, ex);
        UpstreamException mapped = table.map(ex, message);
        return mapped != null ? mapped : generic(modelId, ex, message);
    }

    /** The SDK's failure without the future's wrapper. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Logs the failure (code, status, upstream request id; never credentials), at most once per model and code
     * per interval, and returns its safe message.
     */
    public static String describe(String service, String modelId, Throwable ex) {
        if (ex instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                    ? aws.awsErrorDetails().errorCode() : "HTTP_" + aws.statusCode();
            long suppressed = FAILURES.admit(service, modelId, code);
            if (suppressed >= 0) {
                log.warn("{} call for {} failed: {} (HTTP {}, upstream request {}){}", service, modelId, code,
                        aws.statusCode(), aws.requestId(), suppressedNote(suppressed));
            }
            return aws.awsErrorDetails() != null ? UpstreamMessages.sanitize(aws.awsErrorDetails().errorMessage())
                    : "no message from the provider";
        }
        long suppressed = FAILURES.admit(service, modelId, ex.getClass().getSimpleName());
        if (suppressed >= 0) {
            log.warn("{} call for {} failed: {}{}", service, modelId, ex.toString(), suppressedNote(suppressed));
        }
        return "no message from the provider";
    }

    private static String suppressedNote(long suppressed) {
        return suppressed == 0 ? "" : "; " + suppressed + " more like it since the last such line";
    }

    /** Failures either service can produce: timeouts, throttling, 5xx, other errors, no connection. */
    public static UpstreamException generic(String modelId, Throwable ex, String message) {
        return switch (ex) {
            case ApiCallTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer within the call timeout");
            case ApiCallAttemptTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer in time");
            case AwsServiceException e when e.statusCode() == 429 || isThrottling(e) ->
                new UpstreamThrottledException(modelId, 1, true).beforeTheModel();
            case AwsServiceException e when e.statusCode() == 503 ->
                new UpstreamErrorException(modelId, message, true).beforeTheModel();
            case AwsServiceException e when e.statusCode() >= 500 -> new UpstreamErrorException(modelId, message, true);
            case AwsServiceException e -> new UpstreamErrorException(modelId, message);
            case SdkClientException e when timedOut(e) -> new UpstreamTimeoutException(modelId, "no answer in time");
            case SdkClientException e when connectFailed(e) ->
                new UpstreamErrorException(modelId, "the provider could not be reached", true).beforeTheModel();
            case SdkClientException e -> new UpstreamErrorException(modelId, "the connection to the provider failed", true);
            default -> new UpstreamErrorException(modelId, "unexpected failure");
        };
    }

    /** SageMaker reports throttling as HTTP 400 with error code ThrottlingException. */
    private static boolean isThrottling(AwsServiceException e) {
        return e.awsErrorDetails() != null && "ThrottlingException".equals(e.awsErrorDetails().errorCode());
    }

    /** The connection was never made, so the request cannot have reached the model. */
    private static boolean connectFailed(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /** A read timeout of the HTTP client surfaces as a client exception caused by a timeout. */
    private static boolean timedOut(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
