package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * The newer chat models the emulator serves through Converse only (reference chat-apis-wire §1.4, §1.7, §2): their
 * ids and inference profiles, and what each refuses as Bedrock does.
 */
class ConverseChatModelsTests {

    private static final ToolConfiguration WEATHER = ToolConfiguration.builder()
        .tools(Tool.fromToolSpec(ToolSpecification.builder().name("get_weather")
            .inputSchema(ToolInputSchema.fromJson(Document.fromMap(Map.of("type", Document.fromString("object"),
                    "properties", Document.fromMap(Map.of("city",
                            Document.fromMap(Map.of("type", Document.fromString("string")))))))))
            .build()))
        .build();

    private static Message user(ContentBlock... blocks) {
        return Message.builder().role(ConversationRole.USER).content(blocks).build();
    }

    private static ConverseResponse ask(String modelId, String text) {
        return TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(modelId)
            .messages(user(ContentBlock.fromText(text)))));
    }

    @Test
    void everyNewModelAnswersByItsIdOrProfile() {
        for (String id : new String[] { "amazon.nova-micro-v1:0", "eu.amazon.nova-lite-v1:0", "apac.amazon.nova-pro-v1:0",
                "us.amazon.nova-premier-v1:0", "mistral.mistral-large-2407-v1:0", "mistral.mistral-small-2402-v1:0",
                "us.mistral.pixtral-large-2502-v1:0", "cohere.command-r-v1:0", "cohere.command-r-plus-v1:0",
                "us.deepseek.r1-v1:0", "openai.gpt-oss-20b-1:0", "openai.gpt-oss-120b-1:0",
                "us.meta.llama4-scout-17b-instruct-v1:0", "us.meta.llama4-maverick-17b-instruct-v1:0" }) {
            ConverseResponse response = ask(id, "Name a river");

            assertThat(response.stopReason()).as(id).isEqualTo(StopReason.END_TURN);
            assertThat(response.usage().inputTokens()).as(id).isPositive();
        }
    }

    @Test
    void profileOnlyModelsRefuseTheirBaseIdAndInvokeModelIsNotServed() {
        for (String id : new String[] { "amazon.nova-premier-v1:0", "deepseek.r1-v1:0",
                "meta.llama4-scout-17b-instruct-v1:0", "mistral.pixtral-large-2502-v1:0" }) {
            assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(id)
                .messages(user(ContentBlock.fromText("hi"))))))
                .as(id).isInstanceOf(ValidationException.class).hasMessageContaining("with on-demand throughput");
        }
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId("us.cohere.command-r-v1:0")
            .messages(user(ContentBlock.fromText("hi")))))).hasMessageContaining("model identifier is invalid");
        assertThatThrownBy(() -> TestEmulator.invoke("amazon.nova-micro-v1:0", "{\"messages\":[]}"))
            .isInstanceOf(ValidationException.class).hasMessageContaining("Converse and ConverseStream only");
    }

    @Test
    void reasoningModelsAnswerWithAReasoningBlockAndDeepSeekTakesNoTools() {
        ConverseResponse response = ask("us.deepseek.r1-v1:0", "Is 91 prime?");

        assertThat(response.output().message().content().getFirst().reasoningContent().reasoningText().text())
            .isNotBlank();
        assertThat(ask("openai.gpt-oss-20b-1:0", "Is 91 prime?").output().message().content().getFirst()
            .reasoningContent()).isNotNull();
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId("us.deepseek.r1-v1:0")
            .toolConfig(WEATHER).messages(user(ContentBlock.fromText("Use get_weather"))))))
            .hasMessageContaining("doesn't support tool use");
    }

    @Test
    void novaTakesANamedToolButNotAnyAndMicroTakesNoImages() {
        ConverseResponse named = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId("us.amazon.nova-pro-v1:0")
            .toolConfig(WEATHER.toBuilder().toolChoice(ToolChoice.fromTool(t -> t.name("get_weather"))).build())
            .messages(user(ContentBlock.fromText("Weather in Hanoi?")))));

        assertThat(named.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId("us.amazon.nova-pro-v1:0")
            .toolConfig(WEATHER.toBuilder().toolChoice(ToolChoice.fromAny(a -> { })).build())
            .messages(user(ContentBlock.fromText("Weather in Hanoi?"))))))
            .hasMessageContaining("doesn't support the toolConfig.toolChoice.any field");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId("us.amazon.nova-micro-v1:0")
            .messages(user(ContentBlock.fromImage(i -> i.format("png")
                .source(s -> s.bytes(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] { 1 })))))))))
            .hasMessageContaining("doesn't support the image content block");
    }

    @Test
    void llama4RefusesToolsInAStreamAndTextBesideToolResults() {
        String llama4 = "us.meta.llama4-maverick-17b-instruct-v1:0";
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converseStream(r -> r.modelId(llama4).toolConfig(WEATHER)
            .messages(user(ContentBlock.fromText("Use get_weather"))),
                ConverseStreamResponseHandler.builder().subscriber(event -> { }).build())))
            .hasMessageContaining("doesn't support tool use in streaming mode");

        ConverseResponse first = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(llama4).toolConfig(WEATHER)
            .messages(user(ContentBlock.fromText("Use get_weather for Hanoi")))));
        ToolUseBlock use = first.output().message().content().getLast().toolUse();
        ContentBlock result = ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(use.toolUseId())
            .content(ToolResultContentBlock.fromText("31 C")).build());

        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r.modelId(llama4).toolConfig(WEATHER)
            .messages(user(ContentBlock.fromText("Use get_weather for Hanoi")), first.output().message(),
                    user(result, ContentBlock.fromText("and now?"))))))
            .hasMessageContaining("Conversation blocks and tool result blocks cannot be provided in the same turn");
        assertThat(TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r.modelId(llama4).toolConfig(WEATHER)
            .messages(user(ContentBlock.fromText("Use get_weather for Hanoi")), first.output().message(), user(result))))
            .stopReason()).isEqualTo(StopReason.END_TURN);
    }
}
