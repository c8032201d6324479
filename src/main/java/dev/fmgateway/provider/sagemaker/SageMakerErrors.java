package dev.fmgateway.provider.sagemaker;

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
import software.amazon.awssdk.services.sagemakerruntime.model.InternalDependencyException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/**
 * The one table from SageMaker Runtime failures to the gateway's upstream errors. A container's own error
 * (ModelError, 424) is surfaced with its original status and (sanitised) message.
 */
final class SageMakerErrors {

    private static final Logger log = LoggerFactory.getLogger(SageMakerErrors.class);

    private SageMakerErrors() {
    }

    /** SageMaker reports throttling as 400 with error code ThrottlingException. */
    private static boolean isThrottling(AwsServiceException e) {
        return e.awsErrorDetails() != null && "ThrottlingException".equals(e.awsErrorDetails().errorCode());
    }

    static UpstreamException translate(String modelId, Throwable failure) {
        Throwable ex = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (ex instanceof UpstreamException upstream) {
            return upstream;
        }
        String message = ex instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? UpstreamMessages.sanitize(aws.awsErrorDetails().errorMessage()) : "no message from the endpoint";
        log.warn("SageMaker call for {} failed: {}", modelId,
                ex instanceof AwsServiceException aws ? aws.awsErrorDetails().errorCode() + " (HTTP " + aws.statusCode()
                        + ", upstream request " + aws.requestId() + ")" : ex.toString());
        return switch (ex) {
            case ValidationErrorException e -> new UpstreamValidationException(modelId, message);
            case ModelErrorException e -> new UpstreamErrorException(modelId, "the endpoint's container answered "
                    + e.originalStatusCode() + ": " + UpstreamMessages.sanitize(e.originalMessage()));
            case ModelNotReadyException e -> new UpstreamUnavailableException(modelId, "the endpoint is not ready", 5);
            case ModelStreamErrorException e -> new UpstreamErrorException(modelId, "the stream failed: " + message);
            case InternalStreamFailureException e -> new UpstreamUnavailableException(modelId, message, 1);
            case InternalFailureException e -> new UpstreamUnavailableException(modelId, message, 1);
            case ServiceUnavailableException e -> new UpstreamUnavailableException(modelId, message, 1);
            case InternalDependencyException e -> new UpstreamUnavailableException(modelId, message, 1);
            case ApiCallTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer within the call timeout");
            case ApiCallAttemptTimeoutException e -> new UpstreamTimeoutException(modelId, "no answer in time");
            case AwsServiceException e when e.statusCode() == 429 || isThrottling(e) -> new UpstreamThrottledException(modelId, 1, true);
            case AwsServiceException e when e.statusCode() >= 500 -> new UpstreamUnavailableException(modelId, message, 1);
            case AwsServiceException e -> new UpstreamErrorException(modelId, message);
            case SdkClientException e -> new UpstreamUnavailableException(modelId, "the endpoint could not be reached", 1);
            default -> new UpstreamErrorException(modelId, "unexpected failure");
        };
    }
}
