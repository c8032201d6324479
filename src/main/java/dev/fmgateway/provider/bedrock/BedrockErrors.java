package dev.fmgateway.provider.bedrock;



import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.provider.UpstreamErrors;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.problem.UpstreamTimeoutException;
import dev.fmgateway.problem.UpstreamUnavailableException;
import dev.fmgateway.problem.UpstreamValidationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
        return UpstreamErrors.translate("Bedrock", modelId, failure, (ex, message) -> switch (ex) {
            case ValidationException e -> new UpstreamValidationException(modelId, message);
            case ThrottlingException e -> new UpstreamThrottledException(modelId, retryAfter(e), true).beforeTheModel();
            case ServiceQuotaExceededException e -> new UpstreamThrottledException(modelId, 60, false);
            case ModelNotReadyException e ->
                new UpstreamUnavailableException(modelId, "the model is not ready", 5).beforeTheModel();
            case ModelTimeoutException e -> new UpstreamTimeoutException(modelId, message);
            case ModelErrorException e ->
                new UpstreamErrorException(modelId, "the model failed: " + message, true).ofTheRequest();
            case ModelStreamErrorException e -> new UpstreamErrorException(modelId, "the stream failed: " + message);
            case AccessDeniedException e -> new UpstreamErrorException(modelId,
                    "the gateway's AWS identity may not call this model there: " + message, true).beforeTheModel();
            case ResourceNotFoundException e -> new UpstreamErrorException(modelId,
                    "the provider does not serve this model there (retired or not enabled): " + message, true)
                .beforeTheModel();
            case InternalServerException e -> new UpstreamErrorException(modelId, message, true);
            case ServiceUnavailableException e -> new UpstreamErrorException(modelId, message, true).beforeTheModel();
            default -> null;
        });
    }
}
