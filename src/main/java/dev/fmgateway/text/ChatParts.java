package dev.fmgateway.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the turns of a request: content as a string or a list of parts ({@code text}, {@code image},
 * {@code document}, {@code toolUse}, {@code toolResult}, {@code reasoning}, {@code cachePoint}), each where it may appear, every
 * tool result answering a tool use of an earlier assistant turn, images and documents checked and counted. Errors name the
 * field ({@code messages[1].content[0].toolUseId}).
 */
final class ChatParts {

    private int images;

    private int documents;

    private final Set<String> toolUseIds = new HashSet<>();

    static List<ChatMessage> turns(List<TextGenerationRequest.Message> messages) {
        ChatParts reader = new ChatParts();
        List<ChatMessage> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            TextGenerationRequest.Message message = messages.get(i);
            turns.add(new ChatMessage(message.chatRole(), reader.parts("messages[" + i + "].content", message)));
        }
        return turns;
    }

    private List<ContentPart> parts(String field, TextGenerationRequest.Message message) {
        JsonNode content = message.content();
        if (content.isString()) {
            return List.of(new ContentPart.Text(content.stringValue()));
        }
        if (!content.isArray() || content.isEmpty()) {
            throw new InvalidRequestException(field, "must be a string or a non-empty list of parts");
        }
        boolean assistant = message.chatRole() == ChatMessage.Role.ASSISTANT;
        List<ContentPart> parts = new ArrayList<>();
        for (int j = 0; j < content.size(); j++) {
            parts.add(part(field + "[" + j + "]", content.get(j), assistant));
        }
        if (parts.stream().anyMatch(ContentPart.Document.class::isInstance)
                && parts.stream().noneMatch(ContentPart.Text.class::isInstance)) {
            throw new InvalidRequestException(field, "a turn with a document needs a text part too (Bedrock's rule)");
        }
        return parts;
    }

    private ContentPart part(String field, JsonNode part, boolean assistant) {
        String type = part.path("type").asString("");
        return switch (type) {
            case "text" -> {
                String text = string(field, part, "text");
                if (text.isBlank()) {
                    throw new InvalidRequestException(field + ".text", "must not be blank");
                }
                yield new ContentPart.Text(text);
            }
            case "image" -> {
                only(field, type, !assistant, "user");
                if (++this.images > ChatImages.MAX_COUNT) {
                    throw new InvalidRequestException(field, "is image number " + this.images + "; at most "
                            + ChatImages.MAX_COUNT + " images per request");
                }
                yield ChatImages.read(field, string(field, part, "mediaType"), string(field, part, "base64"));
            }
            case "document" -> {
                only(field, type, !assistant, "user");
                if (++this.documents > ChatDocuments.MAX_COUNT) {
                    throw new InvalidRequestException(field, "is document number " + this.documents + "; at most "
                            + ChatDocuments.MAX_COUNT + " documents per request");
                }
                yield ChatDocuments.read(field, string(field, part, "format"), string(field, part, "name"),
                        string(field, part, "base64"));
            }
            case "toolUse" -> {
                only(field, type, assistant, "assistant");
                String id = string(field, part, "id");
                if (!id.matches("[a-zA-Z0-9_.:-]{1,64}")) {
                    throw new InvalidRequestException(field + ".id", "must be 1 to 64 of [a-zA-Z0-9_.:-]");
                }
                JsonNode input = part.path("input");
                if (!input.isObject()) {
                    throw new InvalidRequestException(field + ".input", "must be a JSON object");
                }
                this.toolUseIds.add(id);
                yield new ContentPart.ToolUse(id, string(field, part, "name"), input);
            }
            case "toolResult" -> {
                only(field, type, !assistant, "user");
                String id = string(field, part, "toolUseId");
                if (!this.toolUseIds.contains(id)) {
                    throw new InvalidRequestException(field + ".toolUseId",
                            "'" + id + "' answers no toolUse of an earlier assistant turn");
                }
                JsonNode result = part.path("content");
                if (result.isMissingNode() || result.isNull()) {
                    throw new InvalidRequestException(field + ".content", "is required (a string or any JSON value)");
                }
                yield new ContentPart.ToolResult(id, result, part.path("isError").asBoolean(false));
            }
            case "reasoning" -> {
                only(field, type, assistant, "assistant");
                JsonNode signature = part.path("signature");
                yield new ContentPart.Reasoning(string(field, part, "text"),
                        signature.isString() ? signature.stringValue() : null);
            }
            case "cachePoint" -> new ContentPart.CachePoint();
            default -> throw new InvalidRequestException(field + ".type",
                    "must be one of text, image, document, toolUse, toolResult, reasoning, cachePoint");
        };
    }

    private static void only(String field, String type, boolean allowed, String role) {
        if (!allowed) {
            throw new InvalidRequestException(field, "a " + type + " part may only be in a " + role + " turn");
        }
    }

    private static String string(String field, JsonNode part, String name) {
        JsonNode value = part.path(name);
        if (!value.isString()) {
            throw new InvalidRequestException(field + "." + name, "is required (a string)");
        }
        return value.stringValue();
    }
}
