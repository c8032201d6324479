package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The emulator's Converse tool use, reasoning, images and caching, through the AWS SDK, and what it refuses. */
class ConverseToolTests {

    private static final String CLAUDE = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private static final Document SCHEMA = Document.fromMap(Map.of("type", Document.fromString("object"), "properties",
            Document.fromMap(Map.of("city", Document.fromMap(Map.of("type", Document.fromString("string"))))),
            "required", Document.fromList(java.util.List.of(Document.fromString("city")))));

    private static ToolConfiguration weather(Document schema) {
        return ToolConfiguration.builder().tools(Tool.fromToolSpec(ToolSpecification.builder().name("get_weather")
            .description("Current weather").inputSchema(ToolInputSchema.fromJson(schema)).build())).build();
    }

    private static Message user(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.USER).content(blocks).build();
    }

    private static Message assistant(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.ASSISTANT).content(blocks).build();
    }

    @Test
    void aNamedToolGetsAToolUseWhoseInputFollowsTheSchemaAndReasoningIsSigned() {
        ConverseResponse response = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("What does get_weather say for Hanoi?")))
            .toolConfig(weather(SCHEMA))
            .inferenceConfig(c -> c.maxTokens(4000))
            .additionalModelRequestFields(Document.fromMap(Map.of("thinking", Document.fromMap(Map.of(
                    "type", Document.fromString("enabled"), "budget_tokens", Document.fromNumber(1024))))))));

        assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
        ReasoningTextBlock reasoning = response.output().message().content().get(0).reasoningContent().reasoningText();
        assertThat(reasoning.signature()).isEqualTo(ConverseInput.sign(reasoning.text()));
        ToolUseBlock use = response.output().message().content().get(1).toolUse();
        assertThat(use.name()).isEqualTo("get_weather");
        assertThat(use.input().asMap().get("city").isString()).isTrue();

        ContentBlock forged = ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(
                ReasoningTextBlock.builder().text(reasoning.text()).signature("Zm9yZ2Vk").build()));
        ContentBlock result = ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(use.toolUseId())
            .content(ToolResultContentBlock.fromText("31 C")).build());
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE).toolConfig(weather(SCHEMA))
            .messages(user(ContentBlock.fromText("What does get_weather say?")),
                    assistant(forged, ContentBlock.fromToolUse(use)), user(result)))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("Invalid `signature`");
    }

    @Test
    void refusesBrokenToolTurnsSchemasImagesAndCachePoints() {
        ContentBlock orphan = ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId("tooluse_x")
            .content(ToolResultContentBlock.fromText("31")).build());
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE).toolConfig(weather(SCHEMA))
            .messages(user(ContentBlock.fromText("hi")), assistant(ContentBlock.fromText("hello")), user(orphan)))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("exceeds the number of toolUse blocks");
        ContentBlock use = ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_x").name("get_weather")
            .input(Document.fromMap(Map.of())).build());
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(ContentBlock.fromText("hi")), assistant(use), user(orphan)))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("toolConfig field must be defined");
        Document broken = Document.fromMap(Map.of("type", Document.fromString("objekt")));
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE).toolConfig(weather(broken))
            .messages(user(ContentBlock.fromText("hi"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("not a valid JSON Schema");
        ContentBlock notAPng = ContentBlock.fromImage(ImageBlock.builder().format(ImageFormat.PNG)
            .source(ImageSource.fromBytes(SdkBytes.fromByteArray(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 0 })))
            .build());
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(notAPng, ContentBlock.fromText("what is it?"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("not a valid png image");
        ContentBlock cache = ContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build());
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId("anthropic.claude-3-haiku-20240307-v1:0")
            .messages(user(ContentBlock.fromText("context"), cache, ContentBlock.fromText("question"))))))
            .isInstanceOf(ValidationException.class).hasMessageContaining("did not allow prompt caching");
    }

    @Test
    void aRepeatedPrefixAfterACachePointIsReadFromTheCache() {
        ContentBlock cache = ContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build());
        ContentBlock context = ContentBlock.fromText("harbour lights and tides ".repeat(300) + System.nanoTime());

        ConverseResponse first = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(context, cache, ContentBlock.fromText("first question")))));
        ConverseResponse second = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(CLAUDE)
            .messages(user(context, cache, ContentBlock.fromText("second question")))));

        assertThat(first.usage().cacheWriteInputTokens()).isGreaterThanOrEqualTo(1024);
        assertThat(first.usage().cacheReadInputTokens()).isZero();
        assertThat(second.usage().cacheReadInputTokens()).isEqualTo(first.usage().cacheWriteInputTokens());
        assertThat(second.usage().totalTokens()).isEqualTo(second.usage().inputTokens()
                + second.usage().outputTokens() + second.usage().cacheReadInputTokens());
    }
}
