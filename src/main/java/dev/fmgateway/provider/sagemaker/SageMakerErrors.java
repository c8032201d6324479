package dev.fmgateway.provider.sagemaker;

import dev.fmgateway.problem.UpstreamErrorException;
import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.provider.UpstreamErrors;
import dev.fmgateway.provider.UpstreamMessages;
import dev.fmgateway.problem.UpstreamUnavailableException;
import dev.fmgateway.problem.UpstreamValidationException;
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

    private SageMakerErrors() {
    }

    static UpstreamException translate(String modelId, Throwable failure) {
        return UpstreamErrors.translate("SageMaker", modelId, failure, (ex, message) -> switch (ex) {
            case ValidationErrorException e -> new UpstreamValidationException(modelId, message);
            case ModelErrorException e -> new UpstreamErrorException(modelId, "the endpoint's container answered "
                    + e.originalStatusCode() + ": " + UpstreamMessages.sanitize(e.originalMessage()),
                    e.originalStatusCode() == null || e.originalStatusCode() >= 500);
            case ModelNotReadyException e ->
                new UpstreamUnavailableException(modelId, "the endpoint is not ready", 5).beforeTheModel();
            case ModelStreamErrorException e -> new UpstreamErrorException(modelId, "the stream failed: " + message);
            case InternalStreamFailureException e -> new UpstreamErrorException(modelId, message, true);
            case InternalFailureException e -> new UpstreamErrorException(modelId, message, true);
            case ServiceUnavailableException e -> new UpstreamErrorException(modelId, message, true).beforeTheModel();
            case InternalDependencyException e -> new UpstreamErrorException(modelId, message, true);
            default -> null;
        });
    }
}
