package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converse and ConverseStream (reference §4) on top of a text family: the conversation is rendered into
 * the family's prompt (for the input token count), the reply is generated from the last user turn.
 * Request errors use the Coral constraint wording AWS uses for this API.
 */
final class Converse {

    private record Input(TextFamily.TextRequest request, List<String> responseFieldPaths) {
    }

    void converse(Call call, BedrockModel model, TextFamily family) {
        Input input = parse(Json.parseObject(call.exchange().body()), model, family);
        TextFamily.TextRequest request = input.request();
        TextGenerator.Generation generation = TextGenerator.generate(request.source(), request.maxTokens(),
                request.stopSequences());
        ObjectNode body = Json.object();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("text", generation.text());
        body.put("stopReason", ClaudeMessages.stopReason(generation));
        body.set("usage", usage(request.inputTokens(), generation.outputTokens()));
        body.putObject("metrics").put("latencyMs", call.exchange().elapsedMillis());
        if (!input.responseFieldPaths().isEmpty()) {
            ObjectNode fields = body.putObject("additionalModelResponseFields");
            ObjectNode nativeBody = family.response(request, generation, model);
            for (String pointer : input.responseFieldPaths()) {
                JsonNode value = nativeBody.at(pointer);
                if (!value.isMissingNode()) {
                    fields.set(pointer.substring(pointer.lastIndexOf('/') + 1), value);
                }
            }
        }
        call.exchange().sendJson(200, body, Map.of(
                "X-Amzn-Bedrock-Input-Token-Count", Integer.toString(request.inputTokens()),
                "X-Amzn-Bedrock-Output-Token-Count", Integer.toString(generation.outputTokens()),
                "X-Amzn-Bedrock-Invocation-Latency", Long.toString(call.exchange().elapsedMillis())));
    }

    void converseStream(Call call, BedrockModel model, TextFamily family, EventStreamWriter.@Nullable StreamFault fault) {
        TextFamily.TextRequest request = parse(Json.parseObject(call.exchange().body()), model, family).request();
        TextGenerator.Generation generation = TextGenerator.generate(request.source(), request.maxTokens(),
                request.stopSequences());
        EventStreamWriter writer = new EventStreamWriter(call.exchange().openStream(Map.of()), call.streamInterval(),
                fault, call.exchange().startNanos());
        writer.event("messageStart", Json.bytes(Json.object().put("role", "assistant")), "application/json");
        for (String delta : generation.deltas()) {
            ObjectNode event = Json.object().put("contentBlockIndex", 0);
            event.putObject("delta").put("text", delta);
            writer.event("contentBlockDelta", Json.bytes(event), "application/json");
        }
        writer.event("contentBlockStop", Json.bytes(Json.object().put("contentBlockIndex", 0)), "application/json");
        writer.event("messageStop", Json.bytes(Json.object().put("stopReason", ClaudeMessages.stopReason(generation))),
                "application/json");
        ObjectNode metadata = Json.object();
        metadata.set("usage", usage(request.inputTokens(), generation.outputTokens()));
        metadata.putObject("metrics").put("latencyMs", writer.elapsedMillis());
        writer.event("metadata", Json.bytes(metadata), "application/json");
    }

    private static ObjectNode usage(int input, int output) {
        return Json.object().put("inputTokens", input).put("outputTokens", output).put("totalTokens", input + output);
    }

    private static Input parse(ObjectNode body, BedrockModel model, TextFamily family) {
        List<String> system = new ArrayList<>();
        JsonNode systemNode = body.path("system");
        for (int i = 0; i < systemNode.size(); i++) {
            JsonNode text = systemNode.get(i).get("text");
            if (text != null && text.isString()) {
                system.add(text.stringValue());
            }
        }
        if (!system.isEmpty() && !family.supportsSystem()) {
            throw ApiException.validation("This model doesn't support system messages. Try again without system messages.");
        }
        List<TextFamily.Conversation.Turn> turns = turns(body.path("messages"));
        JsonNode config = body.path("inferenceConfig");
        int max = family.maxOutputTokens(model);
        int maxTokens = max;
        if (config.has("maxTokens")) {
            long value = config.get("maxTokens").asLong();
            if (value < 1) {
                throw constraint(value, "inferenceConfig.maxTokens", "Member must have value greater than or equal to 1");
            }
            if (value > max) {
                throw ApiException.validation("The maximum tokens you requested exceeds the model limit of " + max
                        + ". Try again with a maximum tokens value that is lower than " + max + ".");
            }
            maxTokens = (int) value;
        }
        for (String name : List.of("temperature", "topP")) {
            if (config.has(name)) {
                double value = config.get(name).asDouble();
                if (value < 0 || value > 1) {
                    throw constraint(config.get(name).asString(), "inferenceConfig." + name,
                            "Member must have value " + (value < 0 ? "greater than or equal to 0" : "less than or equal to 1"));
                }
            }
        }
        List<String> stops = new ArrayList<>();
        config.path("stopSequences").forEach(stop -> stops.add(stop.asString()));
        List<String> paths = new ArrayList<>();
        body.path("additionalModelResponseFieldPaths").forEach(path -> paths.add(path.asString()));
        TextFamily.Conversation conversation = new TextFamily.Conversation(system, turns);
        return new Input(new TextFamily.TextRequest(family.render(conversation), conversation.lastUserText(), maxTokens,
                stops), paths);
    }

    private static List<TextFamily.Conversation.Turn> turns(JsonNode messages) {
        List<TextFamily.Conversation.Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asString("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw constraint(role, "messages." + (i + 1) + ".member.role", "Member must satisfy enum value set: [user, assistant]");
            }
            StringBuilder text = new StringBuilder();
            JsonNode content = message.path("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode part = content.get(j).get("text");
                if (part != null) {
                    if (part.asString().isBlank()) {
                        throw ApiException.validation("The text field in the ContentBlock object at messages." + i
                                + ".content." + j + " is blank. Add text to the text field, and try again.");
                    }
                    text.append(text.isEmpty() ? "" : "\n").append(part.asString());
                }
            }
            turns.add(new TextFamily.Conversation.Turn(role, text.toString()));
        }
        if (turns.isEmpty() || !turns.getFirst().role().equals("user")) {
            throw ApiException.validation("A conversation must start with a user message. Try again with a conversation "
                    + "that starts with a user message.");
        }
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).role().equals(turns.get(i - 1).role())) {
                throw ApiException.validation("A conversation must alternate between user and assistant roles. Make sure "
                        + "the conversation alternates between user and assistant roles and try again.");
            }
        }
        return turns;
    }

    private static ApiException constraint(Object value, String path, String constraint) {
        return ApiException.validation("1 validation error detected: Value '" + value + "' at '" + path
                + "' failed to satisfy constraint: " + constraint);
    }
}
