package dev.fmgateway.anthropic;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A caller's Messages request, checked as far as Anthropic's own 400s go (JSON object, {@code model},
 * {@code max_tokens}, {@code messages}) and rewritten into the Claude Messages body Bedrock's InvokeModel takes, as
 * Anthropic's Bedrock wrapper does: {@code model} and {@code stream} removed, {@code anthropic_version} set, the
 * {@code anthropic-beta} header's values (those the gateway may pass on) moved into {@code anthropic_beta}. Tools,
 * images, system blocks, thinking and cache_control stay in the body as sent.
 */
record MessagesBody(String model, boolean stream, ObjectNode body) {

    static final String BEDROCK_VERSION = "bedrock-2023-05-31";

    /** Parses a {@code /v1/messages} body; {@code maxTokens} is required there, not for count_tokens. */
    static MessagesBody parse(byte[] bytes, JsonMapper json, boolean maxTokensRequired) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        }
        catch (JacksonException ex) {
            throw AnthropicError.invalid("There was an error parsing the body of your request: "
                    + ex.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw AnthropicError.invalid("The request body must be a JSON object.");
        }
        ObjectNode body = (ObjectNode) node;
        JsonNode model = body.get("model");
        if (model == null || !model.isString() || model.stringValue().isBlank()) {
            throw AnthropicError.invalid("model: Field required (a model name string)");
        }
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokensRequired && (maxTokens == null || !maxTokens.isIntegralNumber() || maxTokens.asLong() < 1)) {
            throw AnthropicError.invalid("max_tokens: Field required (an integer of at least 1)");
        }
        JsonNode messages = body.get("messages");
        if (messages == null || !messages.isArray()) {
            throw AnthropicError.invalid("messages: Field required (an array of messages)");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw AnthropicError.invalid("stream: Input should be a valid boolean");
        }
        return new MessagesBody(model.stringValue(), stream != null && stream.asBoolean(false), body);
    }

    /**
     * Lowers {@code max_tokens} to what the serving model allows (for a name an alias pattern mapped to an older
     * model: clients size it for the model they named), and a thinking budget with it.
     */
    void capMaxTokens(@Nullable Integer limit) {
        if (limit == null || this.body.path("max_tokens").asLong() <= limit) {
            return;
        }
        this.body.put("max_tokens", limit);
        if (this.body.get("thinking") instanceof ObjectNode thinking && thinking.path("budget_tokens").asLong() >= limit) {
            thinking.put("budget_tokens", Math.max(1024, limit / 2));
        }
    }

    /** The InvokeModel body: the caller's, rewritten for Bedrock. */
    ObjectNode forBedrock(@Nullable List<String> betaHeaders, List<String> allowedBetas) {
        ObjectNode bedrock = this.body.deepCopy();
        bedrock.remove("model");
        bedrock.remove("stream");
        // Anthropic's abuse-tracking id; Bedrock's Claude body has no such field.
        bedrock.remove("metadata");
        bedrock.put("anthropic_version", BEDROCK_VERSION);
        foldSystemMessages(bedrock);
        List<String> betas = new ArrayList<>();
        if (bedrock.get("anthropic_beta") instanceof ArrayNode inBody) {
            inBody.forEach(beta -> betas.add(beta.asString()));
        }
        if (betaHeaders != null) {
            for (String header : betaHeaders) {
                for (String beta : header.split(",")) {
                    String name = beta.trim();
                    if (!name.isEmpty() && !betas.contains(name)) {
                        betas.add(name);
                    }
                }
            }
        }
        List<String> passed = betas.stream().filter(allowedBetas::contains).toList();
        bedrock.remove("anthropic_beta");
        if (!passed.isEmpty()) {
            ArrayNode array = bedrock.putArray("anthropic_beta");
            passed.forEach(array::add);
        }
        return bedrock;
    }

    /**
     * Moves {@code role: "system"} messages (Claude Code sends them; Claude on Bedrock takes only user and assistant
     * turns) into the top-level {@code system} blocks, and joins the turns of one role that their removal leaves
     * side by side.
     */
    private static void foldSystemMessages(ObjectNode body) {
        if (!(body.get("messages") instanceof ArrayNode messages)) {
            return;
        }
        List<JsonNode> systemTexts = new ArrayList<>();
        ArrayNode turns = body.arrayNode();
        for (JsonNode message : messages) {
            if ("system".equals(message.path("role").asString(""))) {
                blocks(message.get("content")).forEach(systemTexts::add);
                continue;
            }
            JsonNode previous = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (previous != null && previous.path("role").equals(message.path("role"))) {
                ArrayNode joined = body.arrayNode();
                blocks(previous.get("content")).forEach(joined::add);
                blocks(message.get("content")).forEach(joined::add);
                ((ObjectNode) previous).set("content", joined);
            }
            else {
                turns.add(message);
            }
        }
        if (systemTexts.isEmpty()) {
            return;
        }
        ArrayNode system = body.arrayNode();
        blocks(body.get("system")).forEach(system::add);
        systemTexts.forEach(system::add);
        body.set("system", system);
        body.set("messages", turns);
    }

    /** Content as a list of blocks: a string is one text block. */
    private static List<JsonNode> blocks(@Nullable JsonNode content) {
        List<JsonNode> blocks = new ArrayList<>();
        if (content == null || content.isNull()) {
            return blocks;
        }
        if (content.isString()) {
            ObjectNode text = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            blocks.add(text.put("type", "text").put("text", content.stringValue()));
        }
        else if (content.isArray()) {
            content.forEach(blocks::add);
        }
        return blocks;
    }

    /** What count_tokens counts: system prompt, messages, tools and tool choice, as sent. */
    String countedText(JsonMapper json) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("system", "messages", "tools", "tool_choice")) {
            JsonNode value = this.body.get(field);
            if (value != null && !value.isNull()) {
                text.append(value.isString() ? value.stringValue() : json.writeValueAsString(value));
            }
        }
        return text.toString();
    }
}
