package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.TextPrompt;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentSource;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * The members of a Converse / ConverseStream request built from a prompt: messages with their content blocks,
 * system blocks, inferenceConfig, toolConfig (Converse has no {@code none}: the tools are left out) and
 * additionalModelRequestFields (Claude's thinking budget).
 */
record ConverseBodies(List<Message> messages, List<SystemContentBlock> system, InferenceConfiguration inference,
        @Nullable ToolConfiguration tools, @Nullable Document additionalFields) {

    static ConverseBodies of(TextPrompt prompt, PayloadFamily family) {
        // Titan Text takes no system blocks on Converse: its instructions lead the first user turn instead.
        boolean systemBlocks = family != PayloadFamily.TITAN_TEXT;
        List<SystemContentBlock> system = prompt.system() != null && systemBlocks
                ? List.of(SystemContentBlock.fromText(prompt.system())) : List.of();
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder().maxTokens(prompt.maxTokens());
        if (prompt.temperature() != null) {
            inference.temperature(prompt.temperature().floatValue());
        }
        if (prompt.topP() != null) {
            inference.topP(prompt.topP().floatValue());
        }
        if (!prompt.stopSequences().isEmpty()) {
            inference.stopSequences(prompt.stopSequences());
        }
        List<ChatMessage> turns = prompt.turns();
        if (prompt.system() != null && !systemBlocks) {
            turns = new ArrayList<>(turns);
            List<ContentPart> first = new ArrayList<>(turns.getFirst().parts());
            first.addFirst(new ContentPart.Text(prompt.system()));
            turns.set(0, new ChatMessage(turns.getFirst().role(), first));
        }
        return new ConverseBodies(turns.stream().map(ConverseBodies::message).toList(), system,
                inference.build(), tools(prompt), additionalFields(prompt, family));
    }

    private static Message message(ChatMessage turn) {
        return Message.builder()
            .role(turn.role() == ChatMessage.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
            .content(turn.parts().stream().map(ConverseBodies::block).toList())
            .build();
    }

    private static ContentBlock block(ContentPart part) {
        return switch (part) {
            case ContentPart.Text text -> ContentBlock.fromText(text.text());
            case ContentPart.Image image -> ContentBlock.fromImage(ImageBlock.builder()
                .format(image.format())
                .source(ImageSource.fromBytes(SdkBytes.fromByteArray(image.bytes())))
                .build());
            case ContentPart.Document document -> ContentBlock.fromDocument(DocumentBlock.builder()
                .format(document.format())
                .name(document.name())
                .source(DocumentSource.fromBytes(SdkBytes.fromByteArray(document.bytes())))
                .build());
            case ContentPart.ToolUse use -> ContentBlock.fromToolUse(
                    ToolUseBlock.builder().toolUseId(use.id()).name(use.name()).input(Documents.of(use.input())).build());
            case ContentPart.ToolResult result -> ContentBlock.fromToolResult(ToolResultBlock.builder()
                .toolUseId(result.toolUseId())
                .content(result.content().isString() ? ToolResultContentBlock.fromText(result.content().stringValue())
                        : ToolResultContentBlock.fromJson(Documents.of(result.content())))
                .status(result.error() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)
                .build());
            case ContentPart.Reasoning reasoning -> ContentBlock.fromReasoningContent(ReasoningContentBlock
                .fromReasoningText(ReasoningTextBlock.builder().text(reasoning.text()).signature(reasoning.signature()).build()));
            case ContentPart.CachePoint point -> ContentBlock
                .fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build());
        };
    }

    private static @Nullable ToolConfiguration tools(TextPrompt prompt) {
        boolean none = prompt.toolChoice() != null && prompt.toolChoice().mode() == dev.fmgateway.invocation.ToolChoice.Mode.NONE;
        if (prompt.tools().isEmpty() && mentionsTools(prompt)) {
            return historyTools(prompt);
        }
        if (prompt.tools().isEmpty() || (none && !mentionsTools(prompt))) {
            return null;
        }
        List<Tool> tools = new ArrayList<>();
        for (dev.fmgateway.invocation.Tool tool : prompt.tools()) {
            ToolSpecification.Builder spec = ToolSpecification.builder()
                .name(tool.name())
                .inputSchema(ToolInputSchema.fromJson(Documents.of(tool.inputSchema())));
            if (tool.description() != null) {
                spec.description(tool.description());
            }
            tools.add(Tool.fromToolSpec(spec.build()));
        }
        ToolConfiguration.Builder config = ToolConfiguration.builder().tools(tools);
        if (prompt.toolChoice() != null && !none) {
            config.toolChoice(switch (prompt.toolChoice().mode()) {
                case AUTO, NONE -> ToolChoice.fromAuto(AutoToolChoice.builder().build());
                case ANY -> ToolChoice.fromAny(AnyToolChoice.builder().build());
                case NAMED -> ToolChoice.fromTool(SpecificToolChoice.builder().name(prompt.toolChoice().name()).build());
            });
        }
        return config.build();
    }

    /**
     * A conversation that holds tool blocks but offers no tools (an OpenAI client continuing a tool loop without
     * sending its tools again, which OpenAI accepts): Converse refuses tool blocks without a toolConfig, so the
     * tools the history names are declared, each taking any object.
     */
    private static ToolConfiguration historyTools(TextPrompt prompt) {
        Document anyObject = Document.fromMap(Map.of("type", Document.fromString("object")));
        List<Tool> tools = prompt.messages().stream().flatMap(turn -> turn.parts().stream())
            .filter(ContentPart.ToolUse.class::isInstance)
            .map(part -> ((ContentPart.ToolUse) part).name())
            .distinct()
            .map(name -> Tool.fromToolSpec(ToolSpecification.builder().name(name)
                .inputSchema(ToolInputSchema.fromJson(anyObject)).build()))
            .toList();
        return ToolConfiguration.builder().tools(tools).build();
    }

    /**
     * With {@code toolChoice: none} the tools are left out, unless the history holds tool blocks: Converse then
     * requires a toolConfig, so the tools stay, with {@code auto}.
     */
    private static boolean mentionsTools(TextPrompt prompt) {
        return prompt.messages().stream().flatMap(turn -> turn.parts().stream())
            .anyMatch(part -> part instanceof ContentPart.ToolUse || part instanceof ContentPart.ToolResult);
    }

    private static @Nullable Document additionalFields(TextPrompt prompt, PayloadFamily family) {
        if (prompt.reasoningBudget() == null || family != PayloadFamily.ANTHROPIC_MESSAGES) {
            return null;
        }
        return Document.fromMap(Map.of("thinking", Document.fromMap(Map.of(
                "type", Document.fromString("enabled"),
                "budget_tokens", Document.fromNumber(prompt.reasoningBudget())))));
    }
}
