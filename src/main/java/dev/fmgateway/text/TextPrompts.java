package dev.fmgateway.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.CapabilityNotSupportedException;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ChatFeatures;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.ResponseFormat;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.Tool;
import dev.fmgateway.invocation.ToolChoice;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Builds the provider-neutral prompt, applying the model's output limits and checking its chat features before
 * any upstream call: a feature the model lacks is {@code 422 CAPABILITY_NOT_SUPPORTED} naming it; cache points
 * for a model that cannot cache are dropped, with a warning for the answer.
 */
public final class TextPrompts {

    static final int FALLBACK_MAX_TOKENS = 512;

    private TextPrompts() {
    }

    /**
     * A prompt ready to send, and what the caller should know about how it was sent.
     *
     * @param warnings e.g. that cache points were dropped
     */
    public record Prepared(TextPrompt prompt, List<String> warnings) {
    }

    public static TextPrompt of(TextGenerationRequest request, CatalogModel model) {
        return prepare(request, model).prompt();
    }

    public static Prepared prepare(TextGenerationRequest request, CatalogModel model) {
        boolean stream = Boolean.TRUE.equals(request.stream());
        if (stream && !model.streaming()) {
            throw new StreamingNotSupportedException(model);
        }
        List<ChatMessage> turns = request.messages() != null ? ChatParts.turns(request.messages()) : List.of();
        List<Tool> tools = tools(request);
        ToolChoice choice = toolChoice(request.toolChoice(), tools);
        ResponseFormat format = null;
        if (request.responseFormat() != null) {
            JsonSchemas.requireValid("responseFormat.schema", request.responseFormat().schema());
            format = new ResponseFormat(request.responseFormat().schema(), request.responseFormat().name());
        }
        int maxTokens = maxTokens(request, model);
        Integer budget = request.reasoning() != null ? request.reasoning().budgetTokens() : null;
        if (budget != null && budget >= maxTokens) {
            throw new InvalidRequestException("reasoning.budgetTokens", "must be less than maxTokens (" + maxTokens + ")");
        }
        TextPrompt prompt = new TextPrompt(request.prompt(), turns, request.system(), maxTokens,
                request.temperature(), request.topP(),
                request.stopSequences() != null ? request.stopSequences() : List.of(), tools, choice, format, budget);
        return check(prompt, model, stream);
    }

    /**
     * Refuses what the model's features do not cover, and drops cache points a model cannot take (Bedrock refuses
     * them). Public so that every surface's requests get the same checks.
     */
    public static Prepared check(TextPrompt prompt, CatalogModel model, boolean stream) {
        ChatFeatures features = model.features();
        boolean toolParts = parts(prompt).anyMatch(p -> p instanceof ContentPart.ToolUse || p instanceof ContentPart.ToolResult);
        if ((!prompt.tools().isEmpty() || toolParts) && !features.tools()) {
            throw new CapabilityNotSupportedException(model, "tools");
        }
        if (stream && !prompt.tools().isEmpty() && !features.streamingTools()) {
            throw new CapabilityNotSupportedException(model, "tools in a streamed call");
        }
        ToolChoice choice = prompt.toolChoice();
        if (choice != null && (choice.mode() == ToolChoice.Mode.ANY || choice.mode() == ToolChoice.Mode.NAMED)
                && !features.forcedToolChoice()) {
            throw new CapabilityNotSupportedException(model, "toolChoice " + choice.mode().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (parts(prompt).anyMatch(ContentPart.Image.class::isInstance) && !features.imageInput()) {
            throw new CapabilityNotSupportedException(model, "image input");
        }
        if (parts(prompt).anyMatch(ContentPart.Document.class::isInstance) && !features.documents()) {
            throw new CapabilityNotSupportedException(model, "documents");
        }
        if ((prompt.reasoningBudget() != null || parts(prompt).anyMatch(ContentPart.Reasoning.class::isInstance))
                && !features.reasoning()) {
            throw new CapabilityNotSupportedException(model, "reasoning");
        }
        if (prompt.responseFormat() != null && !features.structuredOutput()) {
            throw new CapabilityNotSupportedException(model, "structured output (responseFormat)");
        }
        if (prompt.responseFormat() != null && stream) {
            throw new InvalidRequestException("responseFormat", "cannot be combined with stream: the answer is "
                    + "validated as a whole before it is sent");
        }
        if (prompt.reasoningBudget() != null && (prompt.responseFormat() != null || (choice != null
                && (choice.mode() == ToolChoice.Mode.ANY || choice.mode() == ToolChoice.Mode.NAMED)))) {
            throw new InvalidRequestException("reasoning", "cannot be combined with a forced toolChoice or a "
                    + "responseFormat (models refuse forced tool use while reasoning)");
        }
        List<String> warnings = new ArrayList<>();
        if (!features.promptCaching() && parts(prompt).anyMatch(ContentPart.CachePoint.class::isInstance)) {
            prompt = prompt.withMessages(prompt.messages().stream()
                .map(turn -> new ChatMessage(turn.role(),
                        turn.parts().stream().filter(p -> !(p instanceof ContentPart.CachePoint)).toList()))
                .toList());
            warnings.add("cachePoint dropped: model '" + model.id() + "' has no prompt caching");
        }
        if (prompt.reasoningBudget() != null && model.family() != PayloadFamily.ANTHROPIC_MESSAGES) {
            warnings.add("reasoning.budgetTokens not sent: model '" + model.id() + "' reasons by itself and takes no budget");
        }
        return new Prepared(prompt, warnings);
    }

    private static java.util.stream.Stream<ContentPart> parts(TextPrompt prompt) {
        return prompt.messages().stream().flatMap(turn -> turn.parts().stream());
    }

    private static List<Tool> tools(TextGenerationRequest request) {
        if (request.tools() == null) {
            return List.of();
        }
        Set<String> names = new HashSet<>();
        List<Tool> tools = new ArrayList<>();
        for (TextGenerationRequest.ToolBody tool : request.tools()) {
            if (!names.add(tool.name())) {
                throw new InvalidRequestException("tools", "names '" + tool.name() + "' twice");
            }
            JsonSchemas.requireValid("tools[" + tool.name() + "].inputSchema", tool.inputSchema());
            tools.add(new Tool(tool.name(), tool.description(), tool.inputSchema()));
        }
        return tools;
    }

    private static @Nullable ToolChoice toolChoice(@Nullable JsonNode choice, List<Tool> tools) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        ToolChoice parsed;
        if (choice.isString()) {
            parsed = switch (choice.stringValue()) {
                case "auto" -> ToolChoice.AUTO;
                case "any" -> new ToolChoice(ToolChoice.Mode.ANY, null);
                case "none" -> new ToolChoice(ToolChoice.Mode.NONE, null);
                default -> throw new InvalidRequestException("toolChoice", "must be auto, any, none or {\"name\": ...}");
            };
        }
        else if (choice.isObject() && choice.path("name").isString()) {
            String name = choice.path("name").stringValue();
            if (tools.stream().noneMatch(tool -> tool.name().equals(name))) {
                throw new InvalidRequestException("toolChoice.name", "'" + name + "' is not one of the tools");
            }
            parsed = ToolChoice.named(name);
        }
        else {
            throw new InvalidRequestException("toolChoice", "must be auto, any, none or {\"name\": ...}");
        }
        if (tools.isEmpty() && parsed.mode() != ToolChoice.Mode.NONE && parsed.mode() != ToolChoice.Mode.AUTO) {
            throw new InvalidRequestException("toolChoice", "needs tools");
        }
        return parsed;
    }

    private static int maxTokens(TextGenerationRequest request, CatalogModel model) {
        Limits limits = model.limits();
        Integer ceiling = limits.maxOutputTokens();
        if (request.maxTokens() != null) {
            if (ceiling != null && request.maxTokens() > ceiling) {
                throw new InvalidRequestException("maxTokens",
                        "must be at most " + ceiling + " for model '" + model.id() + "'");
            }
            return request.maxTokens();
        }
        int fallback = limits.defaultOutputTokens() != null ? limits.defaultOutputTokens() : FALLBACK_MAX_TOKENS;
        return ceiling != null ? Math.min(fallback, ceiling) : fallback;
    }
}
