package dev.fmgateway.emulator;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SageMaker Runtime: InvokeEndpoint and InvokeEndpointWithResponseStream. */
final class SageMakerApi {

    private static final Pattern PATH = Pattern.compile("/endpoints/([^/]+)/(invocations|invocations-response-stream)");

    private final Map<String, ContainerKind> endpoints;

    SageMakerApi(Map<String, String> endpoints) {
        this.endpoints = endpoints.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> ContainerKind.of(e.getValue())));
    }

    void handle(Call call) {
        Exchange exchange = call.exchange();
        Matcher path = PATH.matcher(exchange.rawPath());
        if (!path.matches() || !exchange.method().equals("POST")) {
            throw ApiException.unknownOperation();
        }
        String name = java.net.URLDecoder.decode(path.group(1), java.nio.charset.StandardCharsets.UTF_8);
        ContainerKind kind = endpoints.get(name);
        if (kind == null) {
            throw FaultErrors.endpointNotFound(name, call.region() == null ? "us-east-1" : call.region());
        }
        boolean streaming = path.group(2).endsWith("stream");
        call.admit(name, null, streaming);
        throw new ApiException(400, "ValidationError", "Container kind " + kind + " is not emulated yet.");
    }
}
