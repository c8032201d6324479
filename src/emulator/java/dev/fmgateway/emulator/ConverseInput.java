package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Converse / ConverseStream body, checked the way Bedrock checks it (reference chat-apis-wire §1.1, §1.4-1.6):
 * one member per content block, alternating roles starting with the user, every toolUse answered by a toolResult
 * in the next turn and no toolResult without its toolUse, tool blocks only with a toolConfig, tool input schemas
 * that are valid JSON Schemas, images whose bytes are the declared format within Bedrock's limits, cache points
 * only for models that cache, a thinking budget only for reasoning models, and reasoning blocks passed back with
 * the signature this emulator gave them. Error wording follows AWS where the reference quotes it.
 */
record ConverseInput(TextFamily.TextRequest request, List<String> responseFieldPaths, List<Tool> tools,
        @Nullable String forcedTool, boolean thinking, boolean reasons, boolean answersTools, @Nullable String cachePrefix,
        int cachePrefixTokens, String lastUserText, boolean guarded) {

    /** A guardrail named in guardrailConfig blocks any conversation whose last user turn says this word. */
    static final String GUARDRAIL_TRIGGER = "contraband";

    /** What the emulator's guardrails answer instead of the model (Bedrock's default blocked message). */
    static final String GUARDRAIL_MESSAGE = "Sorry, the model cannot answer this question.";

    record Tool(String name, JsonNode schema) {
    }

    private static final Set<String> BLOCKS = Set.of("text", "image", "toolUse", "toolResult", "reasoningContent",
            "cachePoint", "document");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final Schema META = SCHEMAS
        .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    static final int MAX_IMAGE_BYTES = 3_932_160;

    static final int MAX_DOCUMENT_BYTES = 4_718_592;

    static final int MAX_DOCUMENTS = 5;

    /** The signature this emulator gives a reasoning text, and checks when the text comes back. */
    static String sign(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("fm-gateway-emulator reasoning|" + text).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ConverseInput parse(ObjectNode body, BedrockModel model, TextFamily family, boolean stream) {
        ConverseTraits traits = ConverseTraits.of(model);
        StringBuilder cacheText = new StringBuilder();
        StringBuilder plainText = new StringBuilder();
        String[] prefix = { null };
        int[] prefixTokens = { 0 };
        int[] cachePoints = { 0 };
        Runnable cachePoint = () -> {
            if (!traits.caches()) {
                throw ApiException.validation("You invoked an unsupported model or your request did not allow prompt "
                        + "caching. See the documentation for more information.");
            }
            if (++cachePoints[0] > 4) {
                throw ApiException.validation("The number of cachePoint blocks exceeds the maximum of 4.");
            }
            prefix[0] = cacheText.toString();
            prefixTokens[0] = Tokenizer.count(plainText.toString());
        };
        List<String> system = new ArrayList<>();
        JsonNode systemNode = body.path("system");
        for (int i = 0; i < systemNode.size(); i++) {
            JsonNode block = systemNode.get(i);
            if (block.has("cachePoint")) {
                cachePoint.run();
            }
            else if (block.path("text").isString()) {
                system.add(block.get("text").stringValue());
                cacheText.append(block.get("text").stringValue()).append('\n');
                plainText.append(block.get("text").stringValue()).append('\n');
            }
        }
        if (!system.isEmpty() && !family.supportsSystem()) {
            throw ApiException.validation("This model doesn't support system messages. Try again without system messages.");
        }
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
        boolean thinking = thinking(body.path("additionalModelRequestFields"), traits, maxTokens);
        List<Tool> tools = new ArrayList<>();
        String forced = toolConfig(body, traits, stream, tools, thinking);
        boolean hasToolConfig = body.has("toolConfig");
        List<TextFamily.Conversation.Turn> turns = new ArrayList<>();
        JsonNode messages = body.path("messages");
        Set<String> openToolUses = new LinkedHashSet<>();
        int images = 0;
        int documents = 0;
        boolean answersTools = false;
        String lastToolTurnShape = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asString("");
            if (!role.equals("user") && !role.equals("assistant")) {
                throw constraint(role, "messages." + (i + 1) + ".member.role", "Member must satisfy enum value set: [user, assistant]");
            }
            boolean assistant = role.equals("assistant");
            StringBuilder text = new StringBuilder();
            JsonNode content = message.path("content");
            Set<String> answered = new HashSet<>();
            Set<String> used = new LinkedHashSet<>();
            boolean toolResults = false;
            boolean conversationBlocks = false;
            for (int j = 0; j < content.size(); j++) {
                JsonNode block = content.get(j);
                List<String> members = new ArrayList<>();
                block.propertyNames().forEach(members::add);
                if (members.size() != 1 || !BLOCKS.contains(members.getFirst())) {
                    throw ApiException.malformed("#/messages/" + i + "/content/" + j + ": extraneous key ["
                            + (members.isEmpty() ? "" : members.getLast()) + "] is not permitted");
                }
                String kind = members.getFirst();
                JsonNode value = block.get(kind);
                switch (kind) {
                    case "text" -> {
                        if (value.asString("").isBlank()) {
                            throw ApiException.validation("The text field in the ContentBlock object at messages." + i
                                    + ".content." + j + " is blank. Add text to the text field, and try again.");
                        }
                        append(text, value.asString());
                    }
                    case "image" -> {
                        if (assistant) {
                            throw ApiException.validation("messages." + i + ".content." + j
                                    + ": images are only allowed in user turns.");
                        }
                        if (!traits.images()) {
                            throw ApiException.validation("This model doesn't support the image content block that you provided.");
                        }
                        if (++images > 20) {
                            throw ApiException.validation("Too many images: a request can contain at most 20 images.");
                        }
                        image(value, i, j);
                        append(text, "[image]");
                    }
                    case "toolUse" -> {
                        if (!assistant) {
                            throw ApiException.validation("messages." + i + ".content." + j
                                    + ": toolUse blocks are only allowed in assistant turns.");
                        }
                        used.add(value.path("toolUseId").asString(""));
                        append(text, value.path("name").asString("") + " " + value.path("input"));
                    }
                    case "toolResult" -> {
                        String id = value.path("toolUseId").asString("");
                        if (!openToolUses.contains(id)) {
                            throw ApiException.validation("The number of toolResult blocks at messages." + i
                                    + ".content exceeds the number of toolUse blocks of previous turn.");
                        }
                        if ("error".equals(value.path("status").asString("")) && value.path("content").isEmpty()) {
                            throw ApiException.validation("The content field at messages." + i + ".content." + j
                                    + ".toolResult cannot be empty when status value is error.");
                        }
                        answered.add(id);
                        toolResults = true;
                        for (JsonNode result : value.path("content")) {
                            append(text, result.has("text") ? result.get("text").asString() : result.path("json").toString());
                        }
                    }
                    case "reasoningContent" -> {
                        JsonNode reasoning = value.path("reasoningText");
                        if (!assistant || !reasoning.path("text").isString()
                                || !sign(reasoning.get("text").stringValue()).equals(reasoning.path("signature").asString(""))) {
                            throw ApiException.validation("messages." + i + ".content." + j
                                    + ".reasoningContent: Invalid `signature` in `thinking` block");
                        }
                    }
                    case "cachePoint" -> cachePoint.run();
                    default -> {
                        if (!traits.documents()) {
                            throw ApiException.validation("This model doesn't support the document content block that "
                                    + "you provided.");
                        }
                        if (assistant) {
                            throw ApiException.validation("messages." + i + ".content." + j
                                    + ": document blocks are only allowed in user messages.");
                        }
                        if (++documents > MAX_DOCUMENTS) {
                            throw ApiException.validation("A maximum of " + MAX_DOCUMENTS + " documents can be provided "
                                    + "in a request.");
                        }
                        append(text, document(value, i, j));
                    }
                }
                conversationBlocks |= kind.equals("text") || kind.equals("image") || kind.equals("document");
                if (!kind.equals("cachePoint")) {
                    cacheText.append(block).append('\n');
                    plainText.append(kind.equals("text") ? value.asString() : kind).append('\n');
                }
            }
            if (content.valueStream().anyMatch(b -> b.has("document")) && content.valueStream().noneMatch(b -> b.has("text"))) {
                throw ApiException.validation("messages." + i + ".content: A document must be accompanied by a text "
                        + "block in the same message.");
            }
            if (toolResults && conversationBlocks && traits.toolResultsAlone()) {
                throw ApiException.validation("messages." + i + ".content: Conversation blocks and tool result blocks "
                        + "cannot be provided in the same turn.");
            }
            if (!used.isEmpty() || toolResults) {
                if (!hasToolConfig) {
                    throw ApiException.validation("The toolConfig field must be defined when using toolUse and toolResult "
                            + "content blocks.");
                }
            }
            if (!assistant) {
                Set<String> missing = new LinkedHashSet<>(openToolUses);
                missing.removeAll(answered);
                if (!openToolUses.isEmpty() && !missing.isEmpty()) {
                    throw ApiException.validation("Expected toolResult blocks at messages." + i
                            + ".content for the following Ids: " + String.join(", ", missing));
                }
                openToolUses.clear();
                answersTools = toolResults;
            }
            else {
                if (!used.isEmpty() && thinking && !content.get(0).has("reasoningContent")) {
                    lastToolTurnShape = "messages." + i;
                }
                openToolUses.clear();
                openToolUses.addAll(used);
            }
            turns.add(new TextFamily.Conversation.Turn(role, text.toString()));
        }
        if (lastToolTurnShape != null) {
            throw ApiException.validation(lastToolTurnShape + ".content.0.type: Expected `thinking` or `redacted_thinking`, "
                    + "but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a "
                    + "thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks).");
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
        List<String> stops = new ArrayList<>();
        config.path("stopSequences").forEach(stop -> stops.add(stop.asString()));
        List<String> paths = new ArrayList<>();
        body.path("additionalModelResponseFieldPaths").forEach(path -> paths.add(path.asString()));
        TextFamily.Conversation conversation = new TextFamily.Conversation(system, turns);
        String cachePrefix = prefix[0] != null && prefixTokens[0] >= traits.cacheMinTokens() ? prefix[0] : null;
        return new ConverseInput(new TextFamily.TextRequest(family.render(conversation), conversation.lastUserText(),
                maxTokens, stops), paths, tools, forced, thinking, thinking || traits.intrinsicReasoning(), answersTools,
                cachePrefix, prefixTokens[0],
                conversation.lastUserText(), guardrail(body.path("guardrailConfig"), stream));
    }

    /** Whether a guardrailConfig is there, checked as Bedrock checks it (reference chat-apis-wire §1.1). */
    private static boolean guardrail(JsonNode config, boolean stream) {
        if (config.isMissingNode()) {
            return false;
        }
        Set<String> allowed = stream
                ? Set.of("guardrailIdentifier", "guardrailVersion", "trace", "streamProcessingMode")
                : Set.of("guardrailIdentifier", "guardrailVersion", "trace");
        for (String name : config.propertyNames()) {
            if (!allowed.contains(name)) {
                throw ApiException.validation("Unknown member guardrailConfig." + name);
            }
        }
        String identifier = config.path("guardrailIdentifier").asString("");
        if (!identifier.matches("[a-z0-9]+|arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+")) {
            throw constraint(identifier, "guardrailConfig.guardrailIdentifier",
                    "Member must satisfy regular expression pattern: (([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:"
                            + "[0-9]{12}:guardrail/[a-z0-9]+))");
        }
        String version = config.path("guardrailVersion").asString("");
        if (!version.matches("DRAFT|[1-9][0-9]{0,7}")) {
            throw constraint(version, "guardrailConfig.guardrailVersion",
                    "Member must satisfy regular expression pattern: (([1-9][0-9]{0,7})|(DRAFT))");
        }
        String trace = config.path("trace").asString("disabled");
        if (!Set.of("enabled", "disabled", "enabled_full").contains(trace)) {
            throw constraint(trace, "guardrailConfig.trace", "Member must satisfy enum value set: [enabled, disabled, enabled_full]");
        }
        String mode = config.path("streamProcessingMode").asString("sync");
        if (!Set.of("sync", "async").contains(mode)) {
            throw constraint(mode, "guardrailConfig.streamProcessingMode", "Member must satisfy enum value set: [sync, async]");
        }
        return true;
    }

    private static boolean thinking(JsonNode fields, ConverseTraits traits, int maxTokens) {
        JsonNode thinking = fields.path("thinking");
        if (thinking.isMissingNode()) {
            return false;
        }
        if (!traits.thinkingBudget()) {
            throw ApiException.validation("The model returned the following errors: thinking: Extra inputs are not permitted");
        }
        if (!"enabled".equals(thinking.path("type").asString(""))) {
            return false;
        }
        long budget = thinking.path("budget_tokens").asLong(0);
        if (budget < 1024 || budget >= maxTokens) {
            throw ApiException.validation("The model returned the following errors: thinking.budget_tokens: must be at "
                    + "least 1024 and less than max_tokens");
        }
        return true;
    }

    /** Reads the tools; answers the tool the model must call ({@code *}: any), or null. */
    private static @Nullable String toolConfig(ObjectNode body, ConverseTraits traits, boolean stream, List<Tool> tools,
            boolean thinking) {
        JsonNode config = body.path("toolConfig");
        if (config.isMissingNode()) {
            return null;
        }
        if (!traits.tools()) {
            throw ApiException.validation("This model doesn't support tool use.");
        }
        if (stream && !traits.streamingTools()) {
            throw ApiException.validation("This model doesn't support tool use in streaming mode.");
        }
        JsonNode list = config.path("tools");
        if (!list.isArray() || list.isEmpty()) {
            throw constraint("[]", "toolConfig.tools", "Member must have length greater than or equal to 1");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode spec = list.get(i).path("toolSpec");
            String name = spec.path("name").asString("");
            if (!name.matches("[a-zA-Z0-9_-]{1,64}")) {
                throw constraint(name, "toolConfig.tools." + (i + 1) + ".member.toolSpec.name",
                        "Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+");
            }
            JsonNode schema = spec.path("inputSchema").path("json");
            List<Error> errors = schema.isObject() ? META.validate(schema) : List.of();
            if (!schema.isObject() || !errors.isEmpty()) {
                throw ApiException.validation("The value at toolConfig.tools." + i + ".toolSpec.inputSchema.json is not "
                        + "a valid JSON Schema" + (errors.isEmpty() ? "" : ": " + errors.getFirst()));
            }
            tools.add(new Tool(name, schema));
        }
        JsonNode choice = config.path("toolChoice");
        if (choice.isMissingNode() || choice.has("auto")) {
            return null;
        }
        if (choice.has("any") ? !traits.anyToolChoice() : !traits.namedToolChoice()) {
            String member = choice.has("any") ? "any" : "tool";
            throw ApiException.validation("This model doesn't support the toolConfig.toolChoice." + member
                    + " field. Remove toolConfig.toolChoice." + member + " and try again");
        }
        if (thinking) {
            throw ApiException.validation("The model returned the following errors: Thinking may not be enabled when "
                    + "tool_choice forces tool use.");
        }
        if (choice.has("any")) {
            return "*";
        }
        String name = choice.path("tool").path("name").asString("");
        if (tools.stream().noneMatch(tool -> tool.name().equals(name))) {
            throw ApiException.validation("The tool named in toolConfig.toolChoice.tool.name (" + name
                    + ") is not one of toolConfig.tools.");
        }
        return name;
    }

    private static void image(JsonNode image, int i, int j) {
        String format = image.path("format").asString("");
        if (!Set.of("png", "jpeg", "gif", "webp").contains(format)) {
            throw constraint(format, "messages." + (i + 1) + ".member.content." + (j + 1) + ".member.image.format",
                    "Member must satisfy enum value set: [png, jpeg, gif, webp]");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(image.path("source").path("bytes").asString(""));
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.malformed("#/messages/" + i + "/content/" + j + "/image/source/bytes: not base64");
        }
        if (bytes.length == 0 || bytes.length > MAX_IMAGE_BYTES) {
            throw ApiException.validation("messages." + i + ".content." + j + ".image.source.bytes: the image must be "
                    + "between 1 byte and 3.75 MB.");
        }
        if (!format.equals(magic(bytes))) {
            throw ApiException.validation("messages." + i + ".content." + j + ".image: the image bytes are not a valid "
                    + format + " image.");
        }
    }

    /** Checks a document block; the model reads it as its name, format and size. */
    private static String document(JsonNode document, int i, int j) {
        String path = "messages." + (i + 1) + ".member.content." + (j + 1) + ".member.document";
        String format = document.path("format").asString("");
        if (!Set.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md").contains(format)) {
            throw constraint(format, path + ".format",
                    "Member must satisfy enum value set: [pdf, csv, doc, docx, xls, xlsx, html, txt, md]");
        }
        String name = document.path("name").asString("");
        if (name.isEmpty() || name.length() > 200
                || !name.matches("[A-Za-z0-9\\-()\\[\\]]+( [A-Za-z0-9\\-()\\[\\]]+)*")) {
            throw ApiException.validation("The document file name can only contain alphanumeric characters, whitespace "
                    + "characters, hyphens, parentheses, and square brackets. The name can't contain more than one "
                    + "consecutive whitespace character.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(document.path("source").path("bytes").asString(""));
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.malformed("#/messages/" + i + "/content/" + j + "/document/source/bytes: not base64");
        }
        if (bytes.length == 0 || bytes.length > MAX_DOCUMENT_BYTES) {
            throw ApiException.validation("messages." + i + ".content." + j + ".document.source.bytes: the document "
                    + "must be between 1 byte and 4.5 MB.");
        }
        if (format.equals("pdf") && !(bytes.length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D'
                && bytes[3] == 'F')) {
            throw ApiException.validation("messages." + i + ".content." + j + ".document: the document bytes are not "
                    + "a valid pdf document.");
        }
        return "document " + name + " " + format + " " + bytes.length + " bytes";
    }

    private static @Nullable String magic(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "jpeg";
        }
        if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    private static void append(StringBuilder text, String part) {
        text.append(text.isEmpty() ? "" : "\n").append(part);
    }

    static ApiException constraint(Object value, String path, String constraint) {
        return ApiException.validation("1 validation error detected: Value '" + value + "' at '" + path
                + "' failed to satisfy constraint: " + constraint);
    }
}
