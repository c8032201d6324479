package dev.fmgateway.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SageMaker Runtime: InvokeEndpoint ({@code /endpoints/{name}/invocations}) and
 * InvokeEndpointWithResponseStream ({@code /invocations-response-stream}, {@code PayloadPart} events carrying
 * the container's raw bytes). Endpoints are configured by name with a container kind. SageMaker reports
 * no token usage.
 */
final class SageMakerApi {

    private static final Pattern PATH = Pattern.compile("/endpoints/([^/]+)/(invocations|invocations-response-stream)");

    private final Map<String, ContainerKind> endpoints;
    private final Map<ContainerKind, Container> containers = Map.of(
            ContainerKind.TGI, new TgiContainer(),
            ContainerKind.DJL, new DjlContainer(),
            ContainerKind.JUMPSTART_TEXT, new JumpStartTextContainer(false),
            ContainerKind.ALEXATM, new JumpStartTextContainer(true),
            ContainerKind.SAM, new SamContainer());

    SageMakerApi(Map<String, String> endpoints) {
        this.endpoints = endpoints.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> ContainerKind.of(e.getValue())));
    }

    void handle(Call call) {
        Exchange exchange = call.exchange();
        Matcher path = PATH.matcher(exchange.rawPath());
        if (!path.matches() || !exchange.method().equals("POST")) {
            throw ApiException.unknownOperation();
        }
        String name = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        String region = call.region() == null ? "us-east-1" : call.region();
        ContainerKind kind = endpoints.get(name);
        if (kind == null) {
            throw FaultErrors.endpointNotFound(name, region);
        }
        boolean streaming = path.group(2).endsWith("stream");
        EventStreamWriter.StreamFault fault = call.admit(name, null, streaming);
        Container container = containers.get(kind);
        String contentType = header(exchange, "content-type", "application/json");
        try {
            if (streaming) {
                var request = new Container.Request(contentType, header(exchange, "x-amzn-sagemaker-accept", ""), exchange.body());
                Container.Parts parts = container.stream(request);
                EventStreamWriter writer = new EventStreamWriter(exchange.openStream(Map.of(
                        "X-Amzn-SageMaker-Content-Type", parts.contentType(),
                        "x-Amzn-Invoked-Production-Variant", "AllTraffic")), call.streamInterval(), fault, exchange.startNanos());
                for (byte[] part : parts.parts()) {
                    writer.event("PayloadPart", part, "application/octet-stream");
                }
            }
            else {
                Container.Reply reply = container.invoke(new Container.Request(contentType, header(exchange, "accept", ""),
                        exchange.body()));
                exchange.send(200, reply.contentType(), reply.body(), Map.of("x-Amzn-Invoked-Production-Variant", "AllTraffic"));
            }
        }
        catch (Container.Failure failure) {
            throw FaultErrors.modelError(name, region, failure.status(), failure.body(), null);
        }
    }

    private static String header(Exchange exchange, String name, String fallback) {
        String value = exchange.header(name);
        return value == null ? fallback : value;
    }
}
