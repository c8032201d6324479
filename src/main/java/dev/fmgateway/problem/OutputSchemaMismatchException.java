package dev.fmgateway.problem;

import java.util.List;

/** The model's answer did not validate against the requested response format, on every attempt. */
public class OutputSchemaMismatchException extends GatewayException {

    public OutputSchemaMismatchException(String modelId, int attempts, List<String> errors) {
        super(ProblemCode.OUTPUT_SCHEMA_MISMATCH, "The answer of '" + modelId + "' did not validate against "
                + "responseFormat.schema after " + attempts + " attempts");
        extend("model", modelId);
        extend("errors", List.copyOf(errors));
    }
}
