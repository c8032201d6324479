package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.text.TextGenerationRequest;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Body of {@code POST /openai/v1/responses} (OpenAI's Responses API). The input items are read as the chat
 * messages they stand for (messages with {@code input_text}/{@code input_image}/{@code output_text} parts,
 * {@code function_call} as an assistant tool call, {@code function_call_output} as a tool message), so they get
 * the same translation and checks as {@code /openai/v1/chat/completions}. Reasoning items go back to the model only
 * with their signature ({@code encrypted_content}, which stored responses keep); {@code item_reference}s are
 * resolved into the items they name before translation ({@link ResponseConversations}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ResponsesRequest(@Nullable @Size(max = ChatCompletionRequest.MAX_ID) String model, @Nullable JsonNode input,
        @Nullable String instructions, @Nullable JsonNode tools, @Nullable JsonNode toolChoice, @Nullable JsonNode text,
        @Nullable JsonNode reasoning, @Nullable Integer maxOutputTokens, @Nullable Double temperature,
        @Nullable Double topP, @Nullable Boolean stream,
        @Nullable @Size(max = ChatCompletionRequest.MAX_ID) String previousResponseId, @Nullable Boolean store,
        @Nullable JsonNode include, @Nullable Boolean parallelToolCalls, @Nullable @Size(max = ChatCompletionRequest.MAX_REGION) String region) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    boolean streaming() {
        return Boolean.TRUE.equals(this.stream);
    }

    /** Whether the caller lets the response be stored (OpenAI's default: yes). */
    boolean storable() {
        return !Boolean.FALSE.equals(this.store);
    }

    /** Whether reasoning items are to carry their signature ({@code include: ["reasoning.encrypted_content"]}). */
    boolean includesReasoningSignatures() {
        if (this.include != null && this.include.isArray()) {
            for (JsonNode value : this.include) {
                if ("reasoning.encrypted_content".equals(value.asString(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The request in the gateway's terms, with {@code conversation} as its turns: the items of the previous
     * response (if any) followed by this request's input items, item references resolved. Only this request's
     * {@code instructions} are the system text, as OpenAI does not carry them over from a previous response.
     */
    TextGenerationRequest toGateway(ImageUrls images, Conversation conversation) {
        ChatMessages.Translated translated = translate(new ChatMessages(images), conversation);
        String system = this.instructions;
        if (translated.system() != null) {
            system = system == null ? translated.system() : system + "\n\n" + translated.system();
        }
        List<TextGenerationRequest.ToolBody> offered = ChatTools.tools(nestedTools());
        Integer budget = ChatTools.reasoningBudget(this.reasoning != null && this.reasoning.path("effort").isString()
                ? this.reasoning.path("effort").stringValue() : null);
        Integer maxTokens = this.maxOutputTokens;
        if (budget != null && maxTokens == null) {
            maxTokens = budget + ChatTools.ANSWER_TOKENS;
        }
        return new TextGenerationRequest(this.model, null, translated.turns(), system, maxTokens, this.temperature,
                this.topP, null, this.region, this.stream, offered.isEmpty() ? null : offered,
                ChatTools.choice(nestedChoice(), offered), ChatTools.responseFormat(format()),
                budget != null ? new TextGenerationRequest.ReasoningBody(budget) : null);
    }

    /** The input as a list of items: a string is one user message. */
    List<JsonNode> inputItems() {
        if (this.input == null || this.input.isNull()) {
            throw new InvalidRequestException("input", "is required: a string or a list of input items");
        }
        if (this.input.isString()) {
            ObjectNode message = NODES.objectNode().put("type", "message").put("role", "user");
            message.set("content", this.input);
            return List.of(message);
        }
        if (!this.input.isArray() || this.input.isEmpty()) {
            throw new InvalidRequestException("input", "must be a string or a non-empty list of input items");
        }
        List<JsonNode> items = new ArrayList<>();
        this.input.forEach(items::add);
        return items;
    }

    /**
     * The items of a conversation as chat turns. Items before {@code conversation.inputStart()} come from the
     * stored previous response; errors name the others by their index in {@code input}.
     */
    private static ChatMessages.Translated translate(ChatMessages chat, Conversation conversation) {
        List<JsonNode> items = conversation.items();
        for (int n = 0; n < items.size(); n++) {
            int i = n - conversation.inputStart();
            String field = i >= 0 ? "input[" + i + "]" : "previous_response_id";
            JsonNode item = items.get(n);
            String type = item.path("type").asString("message");
            switch (type) {
                case "message" -> chat.add(n, new ChatCompletionRequest.Message(item.path("role").asString(""),
                        content(field, item.path("content")), null, null));
                case "function_call" -> {
                    ArrayNode calls = NODES.arrayNode();
                    ObjectNode call = calls.addObject().put("id", item.path("call_id").asString("")).put("type", "function");
                    call.putObject("function")
                        .put("name", item.path("name").asString(""))
                        .put("arguments", item.path("arguments").asString("{}"));
                    chat.add(n, new ChatCompletionRequest.Message("assistant", null, calls, null));
                }
                case "function_call_output" -> {
                    JsonNode output = item.path("output");
                    chat.add(n, new ChatCompletionRequest.Message("tool",
                            output.isString() ? output : NODES.stringNode(output.toString()), null, item.path("call_id")));
                }
                case "reasoning" -> {
                    // Only reasoning with its signature (kept in encrypted_content) can go back to the model; a bare
                    // summary carries nothing the model could check, and is left out.
                    if (item.path("encrypted_content").isString()) {
                        chat.reasoning(summary(item), item.path("encrypted_content").stringValue());
                    }
                }
                default -> throw new UnsupportedParameterException("input", field
                        + ": item type must be message, function_call, function_call_output, reasoning or "
                        + "item_reference, not '" + type + "'");
            }
        }
        return chat.finish();
    }

    private static String summary(JsonNode reasoning) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : reasoning.path("summary")) {
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    /** Message content in chat terms: input_text and output_text as text, input_image as image_url. */
    private static JsonNode content(String field, JsonNode content) {
        if (content.isString() || !content.isArray()) {
            return content;
        }
        ArrayNode parts = NODES.arrayNode();
        for (JsonNode part : content) {
            String type = part.path("type").asString("");
            switch (type) {
                case "input_text", "output_text", "text" -> parts.addObject().put("type", "text").put("text",
                        part.path("text").asString(""));
                case "input_image" -> parts.addObject().put("type", "image_url").putObject("image_url")
                    .put("url", part.path("image_url").asString(""));
                default -> throw new UnsupportedParameterException("input",
                        field + ".content: parts must be input_text, input_image or output_text, not '" + type + "'");
            }
        }
        return parts;
    }

    /** Responses tools are flat ({@code {type, name, parameters}}); chat tools nest them under {@code function}. */
    private @Nullable JsonNode nestedTools() {
        if (this.tools == null || !this.tools.isArray()) {
            return this.tools;
        }
        ArrayNode nested = NODES.arrayNode();
        for (JsonNode tool : this.tools) {
            ObjectNode chat = nested.addObject().put("type", tool.path("type").asString(""));
            ObjectNode function = chat.putObject("function");
            for (String member : List.of("name", "description", "parameters")) {
                if (tool.has(member)) {
                    function.set(member, tool.get(member));
                }
            }
        }
        return nested;
    }

    private @Nullable JsonNode nestedChoice() {
        if (this.toolChoice != null && this.toolChoice.isObject() && this.toolChoice.path("name").isString()) {
            ObjectNode chat = NODES.objectNode().put("type", this.toolChoice.path("type").asString(""));
            chat.putObject("function").put("name", this.toolChoice.path("name").stringValue());
            return chat;
        }
        return this.toolChoice;
    }

    /** {@code text.format} as a chat {@code response_format}. */
    private @Nullable JsonNode format() {
        JsonNode format = this.text == null ? null : this.text.path("format");
        if (format == null || !format.isObject()) {
            return null;
        }
        if (!"json_schema".equals(format.path("type").asString(""))) {
            return format;
        }
        ObjectNode chat = NODES.objectNode().put("type", "json_schema");
        ObjectNode schema = chat.putObject("json_schema");
        schema.set("name", format.path("name").isString() ? format.get("name") : NODES.stringNode("answer"));
        if (format.has("schema")) {
            schema.set("schema", format.get("schema"));
        }
        return chat;
    }
}
