package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic Claude Messages API on Bedrock (Claude 3, 3.5, 3.7, 4.x): reference §6.3. */
final class ClaudeMessages implements TextFamily {

    static final String VERSION = "bedrock-2023-05-31";
    private static final Set<String> KEYS = Set.of("anthropic_version", "anthropic_beta", "max_tokens", "messages", "system",
            "temperature", "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "thinking", "context_management",
            "output_config", "metadata");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, KEYS);
        checks.enumValue("#", body, "anthropic_version", true, Set.of(VERSION));
        checks.strings("#", body, "anthropic_beta", false, 32);
        Long maxTokens = checks.integer("#", body, "max_tokens", true, 1, Integer.MAX_VALUE);
        ArrayNode messages = checks.array("#", body, "messages", true, 1, Integer.MAX_VALUE);
        checks.number("#", body, "temperature", false, 0, 1);
        checks.number("#", body, "top_p", false, 0, 1);
        checks.integer("#", body, "top_k", false, 0, 500);
        List<String> stops = checks.strings("#", body, "stop_sequences", false, 8191);
        checks.array("#", body, "tools", false, 0, Integer.MAX_VALUE);
        checks.object("#", body, "tool_choice", false);
        checks.object("#", body, "thinking", false);
        ObjectNode metadata = checks.object("#", body, "metadata", false);
        if (metadata != null) {
            // Bedrock's Claude schema takes metadata with user_id only (Claude Code's Bedrock mode sends it)
            checks.onlyKeys("#/metadata", metadata, Set.of("user_id"));
            checks.string("#/metadata", metadata, "user_id", false, 256);
        }
        List<String> system = system(checks, body.get("system"));
        List<Conversation.Turn> turns = new ArrayList<>();
        if (messages != null) {
            for (int i = 0; i < messages.size(); i++) {
                Conversation.Turn turn = message(checks, "#/messages/" + i, messages.get(i));
                if (turn != null) {
                    turns.add(turn);
                }
            }
        }
        checks.throwIfAny();
        checkTurns(turns);
        int max = maxOutputTokens(model);
        if (maxTokens > max) {
            throw ApiException.validation("max_tokens: " + maxTokens + " > " + max
                    + ", which is the maximum allowed number of output tokens for " + modelName(model));
        }
        Conversation conversation = new Conversation(system, turns);
        return new TextRequest(render(conversation), conversation.lastUserText(), maxTokens.intValue(),
                stops == null ? List.of() : stops, ClaudeTools.toolUse(body));
    }

    private static List<String> system(JsonChecks checks, JsonNode system) {
        if (system == null || system.isNull()) {
            return List.of();
        }
        if (system.isString()) {
            return List.of(system.stringValue());
        }
        if (!system.isArray()) {
            checks.add("#/system: expected type: String or JSONArray, found: " + JsonChecks.typeName(system));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < system.size(); i++) {
            String text = textBlock(checks, "#/system/" + i, system.get(i));
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static Conversation.Turn message(JsonChecks checks, String pointer, JsonNode node) {
        if (!node.isObject()) {
            checks.add(pointer + ": expected type: JSONObject, found: " + JsonChecks.typeName(node));
            return null;
        }
        ObjectNode message = (ObjectNode) node;
        checks.onlyKeys(pointer, message, Set.of("role", "content"));
        String role = checks.enumValue(pointer, message, "role", true, Set.of("user", "assistant"));
        JsonNode content = message.get("content");
        StringBuilder text = new StringBuilder();
        if (content == null || content.isNull()) {
            checks.add(pointer + ": required key [content] not found");
        }
        else if (content.isString()) {
            text.append(content.stringValue());
        }
        else if (content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                String part = block(checks, pointer + "/content/" + i, content.get(i));
                if (part != null) {
                    text.append(text.isEmpty() ? "" : "\n").append(part);
                }
            }
        }
        else {
            checks.add(pointer + "/content: expected type: String or JSONArray, found: " + JsonChecks.typeName(content));
        }
        return role == null ? null : new Conversation.Turn(role, text.toString());
    }

    /** A content block; returns its text, or null for non-text blocks. */
    private static String block(JsonChecks checks, String pointer, JsonNode node) {
        if (!node.isObject()) {
            checks.add(pointer + ": expected type: JSONObject, found: " + JsonChecks.typeName(node));
            return null;
        }
        ObjectNode block = (ObjectNode) node;
        String type = checks.enumValue(pointer, block, "type", true, Set.of("text", "image", "document", "tool_use",
                "tool_result", "thinking", "redacted_thinking"));
        if ("text".equals(type)) {
            return textBlock(checks, pointer, block);
        }
        if ("tool_use".equals(type)) {
            checks.string(pointer, block, "id", true);
            String name = checks.string(pointer, block, "name", true);
            checks.object(pointer, block, "input", true);
            return name == null ? null : "[tool_use " + name + "]";
        }
        if ("tool_result".equals(type)) {
            checks.string(pointer, block, "tool_use_id", true);
            JsonNode content = block.get("content");
            if (content == null || content.isNull()) {
                return "[tool_result]";
            }
            if (content.isString()) {
                return content.stringValue();
            }
            StringBuilder text = new StringBuilder();
            content.forEach(part -> text.append(part.path("text").asString("")));
            return text.isEmpty() ? "[tool_result]" : text.toString();
        }
        if ("image".equals(type)) {
            checks.onlyKeys(pointer, block, Set.of("type", "source", "cache_control"));
            ObjectNode source = checks.object(pointer, block, "source", true);
            if (source != null) {
                checks.onlyKeys(pointer + "/source", source, Set.of("type", "media_type", "data"));
                checks.enumValue(pointer + "/source", source, "type", true, Set.of("base64"));
                checks.enumValue(pointer + "/source", source, "media_type", true, MEDIA_TYPES);
                checks.string(pointer + "/source", source, "data", true);
            }
        }
        return null;
    }

    private static String textBlock(JsonChecks checks, String pointer, JsonNode node) {
        if (!node.isObject()) {
            checks.add(pointer + ": expected type: JSONObject, found: " + JsonChecks.typeName(node));
            return null;
        }
        ObjectNode block = (ObjectNode) node;
        checks.onlyKeys(pointer, block, Set.of("type", "text", "cache_control", "citations"));
        checks.enumValue(pointer, block, "type", true, Set.of("text"));
        return checks.string(pointer, block, "text", true);
    }

    /** Anthropic's own conversation rules, checked after the schema. */
    private static void checkTurns(List<Conversation.Turn> turns) {
        if (!turns.getFirst().role().equals("user")) {
            throw ApiException.validation("messages: first message must use the \"user\" role");
        }
        for (int i = 1; i < turns.size(); i++) {
            String role = turns.get(i).role();
            if (role.equals(turns.get(i - 1).role())) {
                throw ApiException.validation("messages: roles must alternate between \"user\" and \"assistant\", "
                        + "but found multiple \"" + role + "\" roles in a row");
            }
        }
        for (int i = 0; i < turns.size(); i++) {
            boolean last = i == turns.size() - 1;
            if (turns.get(i).text().isBlank() && !(last && turns.get(i).role().equals("assistant"))) {
                throw ApiException.validation("messages." + i + ": all messages must have non-empty content except "
                        + "for the optional final assistant message");
            }
        }
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        ObjectNode message = message(model);
        ArrayNode content = message.putArray("content");
        if (request.toolUse() != null) {
            content.add(request.toolUse());
            message.put("stop_reason", "tool_use");
            message.putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", request.inputTokens()).put("output_tokens", toolTokens(request));
            return message;
        }
        content.addObject().put("type", "text").put("text", generation.text());
        message.put("stop_reason", stopReason(generation));
        message.put("stop_sequence", generation.stopSequence());
        message.putObject("usage").put("input_tokens", request.inputTokens()).put("output_tokens", generation.outputTokens());
        return message;
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "message_start");
        ObjectNode message = message(model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", request.inputTokens()).put("output_tokens", 1);
        start.set("message", message);
        events.add(start);
        if (request.toolUse() != null) {
            events.addAll(toolUseEvents(request));
            return events;
        }
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        events.add(blockStart);
        for (String delta : generation.deltas()) {
            ObjectNode event = Json.object().put("type", "content_block_delta").put("index", 0);
            event.putObject("delta").put("type", "text_delta").put("text", delta);
            events.add(event);
        }
        events.add(Json.object().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason(generation)).put("stop_sequence", generation.stopSequence());
        messageDelta.putObject("usage").put("output_tokens", generation.outputTokens());
        events.add(messageDelta);
        events.add(Json.object().put("type", "message_stop"));
        return events;
    }

    /** The tool call as Anthropic streams it: the block with empty input, then the input JSON in two deltas. */
    private static List<ObjectNode> toolUseEvents(TextRequest request) {
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode use = request.toolUse().deepCopy();
        String input = Json.text(use.get("input"));
        use.putObject("input");
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.set("content_block", use);
        events.add(blockStart);
        int half = input.length() / 2;
        for (String part : List.of(input.substring(0, half), input.substring(half))) {
            ObjectNode event = Json.object().put("type", "content_block_delta").put("index", 0);
            event.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
            events.add(event);
        }
        events.add(Json.object().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "tool_use").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", toolTokens(request));
        events.add(messageDelta);
        events.add(Json.object().put("type", "message_stop"));
        return events;
    }

    private static int toolTokens(TextRequest request) {
        return Math.max(1, Tokenizer.count(Json.text(request.toolUse())));
    }

    private static ObjectNode message(BedrockModel model) {
        return Json.object()
                .put("id", "msg_bdrk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", modelName(model));
    }

    static String stopReason(TextGenerator.Generation generation) {
        return switch (generation.finish()) {
            case END -> "end_turn";
            case LENGTH -> "max_tokens";
            case STOP -> "stop_sequence";
        };
    }

    /** {@code anthropic.claude-3-haiku-20240307-v1:0} → {@code claude-3-haiku-20240307}. */
    static String modelName(BedrockModel model) {
        return model.baseId().replaceFirst("^anthropic\\.", "").replaceFirst("-v\\d+(:\\d+)?$", "");
    }

    @Override
    public String render(Conversation conversation) {
        List<String> parts = new ArrayList<>(conversation.system());
        conversation.turns().forEach(turn -> parts.add(turn.text()));
        return String.join("\n", parts);
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        String id = model.baseId();
        if (id.contains("claude-3-5-")) {
            return 8192;
        }
        if (id.contains("claude-3-7-") || id.contains("-4-5-") || id.contains("sonnet-4") || id.contains("opus-4-6")) {
            return 64000;
        }
        if (id.contains("opus-4")) {
            return 32000;
        }
        return 4096;
    }
}
