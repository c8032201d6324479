package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.text.ChatDocuments;
import dev.fmgateway.text.TextGenerationRequest;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI chat messages as the gateway's turns with content parts: system and developer messages become the system
 * text; user text, {@code image_url} and {@code file} parts become text, image and document parts; an assistant's {@code tool_calls} become
 * toolUse parts; {@code tool} messages become toolResult parts of the next user turn (consecutive tool and user
 * messages are one turn, as Bedrock wants turns to alternate). Whether each tool result answers an earlier call,
 * and whether the images are what they say, is checked where every route's parts are checked.
 */
final class ChatMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImageUrls images;

    private final List<String> system = new ArrayList<>();

    private final List<TextGenerationRequest.Message> turns = new ArrayList<>();

    private TextGenerationRequest.@Nullable Role role;

    private @Nullable ArrayNode parts;

    ChatMessages(ImageUrls images) {
        this.images = images;
    }

    /** The system text (null when none) and the turns of {@code messages}. */
    Translated translate(List<ChatCompletionRequest.Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            add(i, messages.get(i));
        }
        return finish();
    }

    /**
     * Adds the model's reasoning with its signature to the assistant turn, which it opens: the reasoning comes first
     * in the turn it belongs to, as the model produced it.
     */
    void reasoning(String text, String signature) {
        turn(TextGenerationRequest.Role.ASSISTANT).addObject()
            .put("type", "reasoning")
            .put("text", text)
            .put("signature", signature);
    }

    /** The system text and the turns of everything added so far. */
    Translated finish() {
        flush();
        if (this.turns.isEmpty()) {
            throw new InvalidRequestException("messages", "must hold at least one user or assistant message");
        }
        return new Translated(this.system.isEmpty() ? null : String.join("\n\n", this.system), this.turns);
    }

    record Translated(@Nullable String system, List<TextGenerationRequest.Message> turns) {
    }

    void add(int i, ChatCompletionRequest.Message message) {
        String field = "messages[" + i + "]";
        String role = message.role() != null ? message.role() : "";
        switch (role) {
            case "system", "developer" -> this.system.add(text(field, message.content()));
            case "user" -> userContent(field, message.content());
            case "assistant" -> assistant(field, message);
            case "tool" -> {
                JsonNode id = message.toolCallId();
                if (id == null || !id.isString() || id.stringValue().isBlank()) {
                    throw new UnsupportedParameterException("messages", field + ".tool_call_id is required");
                }
                ObjectNode result = turn(TextGenerationRequest.Role.USER).addObject();
                result.put("type", "toolResult");
                result.put("toolUseId", id.stringValue());
                result.put("content", text(field, message.content()));
            }
            case "function" -> throw new UnsupportedParameterException("messages",
                    field + ": role 'function' (the deprecated functions API) is not supported; use tools");
            default -> throw new UnsupportedParameterException("messages", field
                    + ": role must be system, developer, user, assistant or tool, not '" + role + "'");
        }
    }

    private void userContent(String field, @Nullable JsonNode content) {
        ArrayNode parts = turn(TextGenerationRequest.Role.USER);
        if (content != null && content.isString()) {
            parts.addObject().put("type", "text").put("text", content.stringValue());
            return;
        }
        if (content == null || !content.isArray() || content.isEmpty()) {
            throw new UnsupportedParameterException("messages",
                    field + ".content must be a string or a non-empty array of content parts");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String type = part.path("type").asString("");
            switch (type) {
                case "text" -> parts.addObject().put("type", "text").put("text", part.path("text").asString(""));
                case "image_url" -> parts.add(this.images.part(field + ".content[" + j + "].image_url",
                        part.path("image_url").path("url").asString("")));
                case "file" -> parts.add(file(field + ".content[" + j + "].file", part.path("file")));
                default -> throw new UnsupportedParameterException("messages", field + ".content[" + j
                        + "]: only text, image_url and file parts are supported, not '" + type + "'");
            }
        }
    }

    /** A {@code file} part with its bytes in a data URL, as a document part (named after its file name). */
    private static ObjectNode file(String field, JsonNode file) {
        String data = file.path("file_data").asString("");
        if (data.isEmpty()) {
            throw new UnsupportedParameterException("messages", field + ": only file_data (a data: URL) is supported"
                    + (file.has("file_id") ? ", not file_id (the gateway stores no files)" : ""));
        }
        int comma = data.indexOf(',');
        String header = comma > 0 ? data.substring(0, comma) : "";
        if (!data.startsWith("data:") || !header.endsWith(";base64")) {
            throw new UnsupportedParameterException("messages", field + ".file_data must be data:<media type>;base64,<data>");
        }
        String mediaType = header.substring("data:".length(), header.length() - ";base64".length());
        String format = ChatDocuments.formatOf(mediaType);
        if (format == null) {
            throw new UnsupportedParameterException("messages", field + ".file_data: '" + mediaType + "' is not a "
                    + "document type Bedrock takes (PDF, CSV, Word, Excel, HTML, plain text, Markdown)");
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("type", "document").put("format", format);
        document.put("name", ChatDocuments.nameOf(file.path("filename").asString("document")));
        return document.put("base64", data.substring(comma + 1));
    }

    private void assistant(String field, ChatCompletionRequest.Message message) {
        ArrayNode parts = turn(TextGenerationRequest.Role.ASSISTANT);
        JsonNode content = message.content();
        if (content != null && !content.isNull()) {
            String text = text(field, content);
            if (!text.isBlank()) {
                parts.addObject().put("type", "text").put("text", text);
            }
        }
        JsonNode calls = message.toolCalls();
        if (calls != null && !calls.isNull()) {
            if (!calls.isArray()) {
                throw new UnsupportedParameterException("messages", field + ".tool_calls must be an array");
            }
            for (int j = 0; j < calls.size(); j++) {
                parts.add(toolUse(field + ".tool_calls[" + j + "]", calls.get(j)));
            }
        }
        if (parts.isEmpty()) {
            throw new UnsupportedParameterException("messages", field + " needs content or tool_calls");
        }
    }

    private static ObjectNode toolUse(String field, JsonNode call) {
        JsonNode function = call.path("function");
        if (!call.path("id").isString() || !function.path("name").isString()) {
            throw new UnsupportedParameterException("messages", field + " needs an id and function.name");
        }
        if (!"function".equals(call.path("type").asString("function"))) {
            throw new UnsupportedParameterException("messages", field + ": only function tool calls are supported");
        }
        JsonNode input;
        String arguments = function.path("arguments").asString("{}");
        try {
            input = arguments.isBlank() ? NODES.objectNode() : JSON.readTree(arguments);
        }
        catch (JacksonException ex) {
            throw new UnsupportedParameterException("messages", field + ".function.arguments is not JSON");
        }
        ObjectNode use = NODES.objectNode();
        use.put("type", "toolUse");
        use.put("id", call.path("id").stringValue());
        use.put("name", function.path("name").stringValue());
        use.set("input", input);
        return use;
    }

    /** The parts of the current turn of {@code role}, starting a new turn when the role changes. */
    private ArrayNode turn(TextGenerationRequest.Role next) {
        if (this.role != next || this.parts == null) {
            flush();
            this.role = next;
            this.parts = NODES.arrayNode();
        }
        return this.parts;
    }

    private void flush() {
        if (this.role != null && this.parts != null && !this.parts.isEmpty()) {
            this.turns.add(new TextGenerationRequest.Message(this.role, this.parts));
        }
        this.role = null;
        this.parts = null;
    }

    /** A content that may only hold text: a string, or text parts (one line each). */
    static String text(String field, @Nullable JsonNode content) {
        if (content == null || content.isNull()) {
            throw new UnsupportedParameterException("messages", field + ".content is required");
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (!content.isArray()) {
            throw new UnsupportedParameterException("messages", field + ".content must be a string or an array of text parts");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asString(""))) {
                throw new UnsupportedParameterException("messages", field + ".content: only text parts are allowed "
                        + "here, not '" + part.path("type").asString("") + "'");
            }
            lines.add(part.path("text").asString(""));
        }
        return String.join("\n", lines);
    }

}
