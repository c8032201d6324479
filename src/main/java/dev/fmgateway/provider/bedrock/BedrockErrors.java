package dev.fmgateway.provider.bedrock;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fmgateway.provider.UpstreamErrorException;
import dev.fmgateway.provider.UpstreamException;
import dev.fmgateway.provider.UpstreamMessages;
import dev.fmgateway.provider.UpstreamThrottledException;
import dev.fmgateway.provider.UpstreamTimeoutException;
import dev.fmgateway.provider.UpstreamUnavailableException;
import dev.fmgateway.provider.UpstreamValidationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The one table from Bedrock Runtime failures to the gateway's upstream error taxonomy. */
final class BedrockErrors {

    private static final Logger log = LoggerFactory.getLogger(BedrockErrors.class);

    private BedrockErrors() {
    }

    /** The provider's Retry-After in seconds, when it sent one; else 1. */
    static long retryAfter(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? 1
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").map(value -> {
                    try {
                        return Math.max(1, Long.parseLong(value.trim()));
                    }
                    catch (NumberFormatException ex) {
                        return 1L;
                    }
                }).orElse(1L);
    }

    static UpstreamException translate(String modelId, Throwable failure) {
        Throwable ex = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (ex instanceof UpstreamException upstream) {
            return upstream;
        }
        String message = ex instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? UpstreamMessages.sanitize(aws.awsErrorDetails().errorMessage()) : "no message from the provider";
        if (ex instanceof AwsServiceException aws) {
            log.warn("Bedrock call for {} failed: {} (HTTP {}, upstream request {})", modelId,
                    aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : "?", aws.statusCode(),
                    aws.requestId());
        }
        else {
            log.warn("Bedrock call for {} failed: {}", modelId, ex.toString());
        }
        return switch (ex) {
            case ValidationException e -> new UpstreamValidationException(modelId, message);
            case ThrottlingException e -> new UpstreamThrottledException(modelId, retryAfter(e), true);
            case ServiceQuotaExceededException e -> new UpstreamThrottledException(modelId, 60, false);
            case ModelNotReadyException e -> new UpstreamUnavailableException(modelId, "the model is not ready", 5);
            case ModelTimeoutException e -> new UpstreamTimeoutException(modelId, message);
            case ModelErrorException e -> new UpstreamErrorException(modelId, "the model failed: " + message);
            case ModelStreamErrorException e -> new UpstreamErrorException(modelId, "the stream failed: " + message);
            case AccessDeniedException e -> new UpstreamErrorException(modelId,
                    "the gateway's AWS identity may not call this model: " + message);
            case ResourceNotFoundException e -> new UpstreamErrorException(modelId,
                    "the provider does not serve this model (retired or not enabled): " + message);
            case InternalServerException e -> new UpstreamUnavailableException(modelId, message, 1);
            case ServiceUnavailableException e -> new UpstreamUnavailableException(modelId, message, 1);
            case ApiCallTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer within the call timeout");
            case ApiCallAttemptTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer in time");
            case AwsServiceException e when e.statusCode() == 429 -> new UpstreamThrottledException(modelId, 1, true);
            case AwsServiceException e when e.statusCode() >= 500 -> new UpstreamUnavailableException(modelId, message, 1);
            case AwsServiceException e -> new UpstreamErrorException(modelId, message);
            case SdkClientException e -> new UpstreamUnavailableException(modelId, "the provider could not be reached", 1);
            default -> new UpstreamErrorException(modelId, "unexpected failure");
        };
    }
}
