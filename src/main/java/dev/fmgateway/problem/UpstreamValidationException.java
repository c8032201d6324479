package dev.fmgateway.problem;


/** The provider rejected the request payload (Bedrock {@code ValidationException}, SageMaker {@code ValidationError}). */
public class UpstreamValidationException extends UpstreamException {

    public UpstreamValidationException(String modelId, String upstreamMessage) {
        super(ProblemCode.UPSTREAM_VALIDATION, "The provider rejected the request for '" + modelId + "': " + upstreamMessage);
    }

}
