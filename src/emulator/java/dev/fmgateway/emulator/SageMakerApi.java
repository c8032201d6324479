package dev.fmgateway.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SageMaker Runtime: InvokeEndpoint ({@code /endpoints/{name}/invocations}) and
 * InvokeEndpointWithResponseStream ({@code /invocations-response-stream}, {@code PayloadPart} events carrying
 * the container's raw bytes). Endpoints are configured by name with a container kind. SageMaker reports
 * no token usage. {@code X-Amzn-SageMaker-Session-Id} goes to the container, which answers session headers
 * itself; {@code NEW_SESSION} is refused on the streaming operation (reference §1.3).
 */
final class SageMakerApi {

    private static final Pattern PATH = Pattern.compile("/endpoints/([^/]+)/(invocations|invocations-response-stream)");

    private final Map<String, ContainerKind> endpoints;
    private final Map<ContainerKind, Container> containers;

    SageMakerApi(Map<String, String> endpoints, SamSessions samSessions) {
        this.endpoints = endpoints.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> ContainerKind.of(e.getValue())));
        this.containers = Map.of(
                ContainerKind.TGI, new TgiContainer(),
                ContainerKind.DJL, new DjlContainer(),
                ContainerKind.JUMPSTART_TEXT, new JumpStartTextContainer(false),
                ContainerKind.ALEXATM, new JumpStartTextContainer(true),
                ContainerKind.SAM, new SamContainer(samSessions),
                ContainerKind.SAM_ONE_SHOT, new SamOneShotContainer());
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
        String session = exchange.header("x-amzn-sagemaker-session-id");
        if (streaming && "NEW_SESSION".equals(session)) {
            throw new ApiException(400, "ValidationError",
                    "NEW_SESSION is not supported by InvokeEndpointWithResponseStream; start sessions with InvokeEndpoint.");
        }
        try {
            if (streaming) {
                var request = new Container.Request(contentType, header(exchange, "x-amzn-sagemaker-accept", ""),
                        exchange.body(), session);
                Container.Parts parts = container.stream(request);
                Map<String, String> headers = new HashMap<>(parts.headers());
                headers.put("X-Amzn-SageMaker-Content-Type", parts.contentType());
                headers.put("x-Amzn-Invoked-Production-Variant", "AllTraffic");
                EventStreamWriter writer = new EventStreamWriter(exchange.openStream(headers), call.streamInterval(), fault,
                        exchange.startNanos());
                for (byte[] part : parts.parts()) {
                    writer.event("PayloadPart", part, "application/octet-stream");
                }
            }
            else {
                Container.Reply reply = container.invoke(new Container.Request(contentType, header(exchange, "accept", ""),
                        exchange.body(), session));
                Map<String, String> headers = new HashMap<>(reply.headers());
                headers.put("x-Amzn-Invoked-Production-Variant", "AllTraffic");
                exchange.send(200, reply.contentType(), reply.body(), headers);
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
