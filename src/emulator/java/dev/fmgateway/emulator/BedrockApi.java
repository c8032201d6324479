package dev.fmgateway.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import dev.fmgateway.emulator.BedrockModel.Family;

/** Bedrock Runtime: InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream. */
final class BedrockApi {

    static final String UNSUPPORTED_STREAMING = "The model is unsupported for streaming";
    static final String CONVERSE_UNSUPPORTED = "This action doesn't support the model that you provided. "
            + "Try again with a supported text or chat model.";
    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(invoke|invoke-with-response-stream|converse|converse-stream)");

    private static final ConverseChat CONVERSE_CHAT = new ConverseChat();

    private final Map<Family, TextFamily> textFamilies = Map.ofEntries(
            Map.entry(Family.CLAUDE_MESSAGES, new ClaudeMessages()),
            Map.entry(Family.CLAUDE_TEXT, new ClaudeText()),
            Map.entry(Family.TITAN_TEXT, new TitanText()),
            Map.entry(Family.LLAMA, new Llama()),
            Map.entry(Family.JURASSIC, new Jurassic()),
            Map.entry(Family.NOVA, CONVERSE_CHAT),
            Map.entry(Family.MISTRAL, CONVERSE_CHAT),
            Map.entry(Family.COHERE_COMMAND, CONVERSE_CHAT),
            Map.entry(Family.DEEPSEEK, CONVERSE_CHAT),
            Map.entry(Family.GPT_OSS, CONVERSE_CHAT),
            Map.entry(Family.LLAMA4, CONVERSE_CHAT));
    private final Map<Family, InvokeOnlyFamily> invokeOnlyFamilies = Map.of(
            Family.COHERE_EMBED, new CohereEmbeddings(),
            Family.NOVA_CANVAS, new NovaCanvas(),
            Family.TITAN_EMBED_TEXT, new TitanEmbeddings(),
            Family.TITAN_EMBED_IMAGE, new TitanEmbeddings(),
            Family.TITAN_IMAGE, new TitanImage(),
            Family.SDXL, new StableDiffusionXl(),
            Family.STABILITY, new StabilityImage());
    private final Converse converse = new Converse();

    void handle(Call call) {
        Exchange exchange = call.exchange();
        Matcher path = PATH.matcher(exchange.rawPath());
        if (!path.matches() || !exchange.method().equals("POST")) {
            throw ApiException.unknownOperation();
        }
        BedrockModel model = BedrockModel.resolve(URLDecoder.decode(path.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        String operation = path.group(2);
        TextFamily family = textFamilies.get(model.family());
        boolean streaming = operation.endsWith("stream");
        if (family == null && operation.startsWith("converse")) {
            throw ApiException.validation(CONVERSE_UNSUPPORTED);
        }
        if (streaming && (family == null || !family.streams())) {
            throw ApiException.validation(UNSUPPORTED_STREAMING);
        }
        EventStreamWriter.StreamFault fault = call.admit(model.id(), model.baseId(), streaming);
        switch (operation) {
            case "invoke" -> {
                if (family == null) {
                    invokeOnly(call, model, invokeOnlyFamilies.get(model.family()));
                }
                else {
                    invoke(call, model, family);
                }
            }
            case "invoke-with-response-stream" -> invokeStream(call, model, family, fault);
            case "converse" -> converse.converse(call, model, family);
            default -> converse.converseStream(call, model, family, fault);
        }
    }

    private static void invoke(Call call, BedrockModel model, TextFamily family) {
        checkContentType(call.exchange());
        TextFamily.TextRequest request = family.parse(Json.parseObject(call.exchange().body()), model);
        TextGenerator.Generation generation = TextGenerator.generate(request.source(), request.maxTokens(),
                request.stopSequences());
        ObjectNode response = family.response(request, generation, model);
        call.exchange().sendJson(200, response, Map.of(
                "X-Amzn-Bedrock-Input-Token-Count", Integer.toString(request.inputTokens()),
                "X-Amzn-Bedrock-Output-Token-Count", Integer.toString(generation.outputTokens()),
                "X-Amzn-Bedrock-Invocation-Latency", Long.toString(call.exchange().elapsedMillis())));
    }

    private static void invokeOnly(Call call, BedrockModel model, InvokeOnlyFamily family) {
        checkContentType(call.exchange());
        InvokeOnlyFamily.Answer answer = family.invoke(Json.parseObject(call.exchange().body()), model);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (answer.inputTokens() != null) {
            headers.put("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(answer.inputTokens()));
        }
        headers.put("X-Amzn-Bedrock-Invocation-Latency", Long.toString(call.exchange().elapsedMillis()));
        call.exchange().sendJson(200, answer.body(), headers);
    }

    private static void invokeStream(Call call, BedrockModel model, TextFamily family,
            EventStreamWriter.@Nullable StreamFault fault) {
        checkContentType(call.exchange());
        TextFamily.TextRequest request = family.parse(Json.parseObject(call.exchange().body()), model);
        TextGenerator.Generation generation = TextGenerator.generate(request.source(), request.maxTokens(),
                request.stopSequences());
        List<ObjectNode> events = family.streamEvents(request, generation, model);
        EventStreamWriter writer = new EventStreamWriter(
                call.exchange().openStream(Map.of("X-Amzn-Bedrock-Content-Type", "application/json")),
                call.streamInterval(), fault, call.exchange().startNanos());
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = events.get(i);
            if (i == events.size() - 1) {
                event.putObject("amazon-bedrock-invocationMetrics")
                        .put("inputTokenCount", request.inputTokens())
                        .put("outputTokenCount", generation.outputTokens())
                        .put("invocationLatency", writer.elapsedMillis())
                        .put("firstByteLatency", writer.firstByteMillis());
            }
            ObjectNode chunk = Json.object().put("bytes", Base64.getEncoder().encodeToString(Json.bytes(event)));
            writer.event("chunk", Json.bytes(chunk), "application/json");
        }
    }

    /** InvokeModel bodies are JSON; other declared types are refused as Bedrock does. */
    static void checkContentType(Exchange exchange) {
        String type = exchange.header("content-type");
        if (type != null && !type.startsWith("application/json") && !type.startsWith("application/octet-stream")) {
            throw ApiException.validation("The provided Content Type " + type + " is not supported by this model.");
        }
    }
}
