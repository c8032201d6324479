package dev.fmgateway.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Turns a fired {@link FaultRule} into the error each service really answers. */
final class FaultErrors {

    static final String ACCOUNT = "123456789012";

    private FaultErrors() {
    }

    static ApiException toException(FaultRule rule, Service service, String target, @Nullable String region) {
        return service == Service.BEDROCK ? bedrock(rule, target) : sagemaker(rule, target, region == null ? "us-east-1" : region);
    }

    private static ApiException bedrock(FaultRule rule, String model) {
        return switch (rule.kind()) {
            case THROTTLE -> new ApiException(429, "ThrottlingException", text(rule, "Too many requests, please wait before trying again."));
            case MODEL_NOT_READY -> new ApiException(429, "ModelNotReadyException",
                    text(rule, "Model is not ready for inference. Wait and try your request again."));
            case INTERNAL_ERROR -> new ApiException(500, "InternalServerException",
                    text(rule, "The server encountered an internal error while processing the request."));
            case SERVICE_UNAVAILABLE -> new ApiException(503, "ServiceUnavailableException",
                    text(rule, "Bedrock is unable to process your request."));
            case MODEL_TIMEOUT -> new ApiException(408, "ModelTimeoutException",
                    text(rule, "Model has timed out in processing the request. Try your request again."));
            case NOT_FOUND -> new ApiException(404, "ResourceNotFoundException", text(rule,
                    "This model version has reached the end of its life. Please refer to the AWS documentation for more details."));
            case MODEL_ERROR -> new ApiException(424, "ModelErrorException",
                    text(rule, "Received error from model " + model), Map.of("originalStatusCode", rule.originalStatusCode(),
                            "resourceName", model));
            case LATENCY, HANG, STREAM_ERROR, SLOW_STREAM -> throw new IllegalArgumentException(rule.kind() + " is not an error");
        };
    }

    private static ApiException sagemaker(FaultRule rule, String endpoint, String region) {
        return switch (rule.kind()) {
            case THROTTLE -> new ApiException(400, "ThrottlingException", text(rule, "Rate exceeded"));
            case MODEL_NOT_READY -> new ApiException(429, "ModelNotReadyException",
                    text(rule, "Model for endpoint " + endpoint + " is not ready. Try again later."));
            case INTERNAL_ERROR -> new ApiException(500, "InternalFailure", text(rule, "An internal failure occurred."));
            case SERVICE_UNAVAILABLE -> new ApiException(503, "ServiceUnavailable",
                    text(rule, "The service is unavailable. Try again later."));
            case MODEL_TIMEOUT -> modelError(endpoint, region, 0, "Your invocation timed out while waiting for a response "
                    + "from container primary. Review the latency metrics for each container in Amazon CloudWatch, "
                    + "resolve the issue, and try again.", rule.message());
            case NOT_FOUND -> endpointNotFound(endpoint, region);
            case MODEL_ERROR -> modelError(endpoint, region, rule.originalStatusCode(),
                    rule.message() == null ? "{\"error\": \"emulated container failure\"}" : rule.message(), null);
            case LATENCY, HANG, STREAM_ERROR, SLOW_STREAM -> throw new IllegalArgumentException(rule.kind() + " is not an error");
        };
    }

    static ApiException endpointNotFound(String endpoint, String region) {
        return new ApiException(400, "ValidationError", "Endpoint " + endpoint + " of account " + ACCOUNT + " not found.");
    }

    static ApiException modelError(String endpoint, String region, int status, String original,
            @Nullable String message) {
        String kind = status >= 500 || status == 0 ? "server" : "client";
        String text = message != null ? message : "Received " + kind + " error (" + status + ") from primary with message \""
                + original + "\". See https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#logEventViewer:group=/aws/sagemaker/Endpoints/" + endpoint + " in account " + ACCOUNT
                + " for more information.";
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("ErrorCode", status >= 500 || status == 0 ? "SERVER_ERROR_FROM_MODEL" : "CLIENT_ERROR_FROM_MODEL");
        members.put("OriginalStatusCode", status);
        members.put("OriginalMessage", original);
        members.put("LogStreamArn", "arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:/aws/sagemaker/Endpoints/" + endpoint);
        return new ApiException(424, "ModelError", text, members);
    }

    /** The exception event a STREAM_ERROR rule sends. */
    static EventStreamWriter.StreamFault streamFault(FaultRule rule, Service service) {
        var payload = Json.object();
        if (service == Service.BEDROCK) {
            String member = rule.exception() == null ? "modelStreamErrorException" : rule.exception();
            payload.put("message", text(rule, "The model stream was interrupted (emulated fault)."));
            if (member.equals("modelStreamErrorException")) {
                payload.put("originalStatusCode", rule.originalStatusCode());
                payload.put("originalMessage", "emulated model failure");
            }
            return new EventStreamWriter.StreamFault(rule.afterEvents(), member, Json.bytes(payload));
        }
        String member = rule.exception() == null ? "ModelStreamError" : rule.exception();
        payload.put("Message", text(rule, "The model stream was interrupted (emulated fault)."));
        if (member.equals("ModelStreamError")) {
            payload.put("ErrorCode", "StreamBroken");
        }
        return new EventStreamWriter.StreamFault(rule.afterEvents(), member, Json.bytes(payload));
    }

    private static String text(FaultRule rule, String fallback) {
        return rule.message() == null ? fallback : rule.message();
    }
}
