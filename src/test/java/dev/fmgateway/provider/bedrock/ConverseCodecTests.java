package dev.fmgateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.ContentPart;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.invocation.Tool;
import dev.fmgateway.invocation.ToolChoice;
import dev.fmgateway.support.TestModels;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Converse codec against the reference's examples (chat-apis-wire §1.1-1.3): the constructed tool-loop
 * request with a signed reasoning block and a cache point, the cached answer, and the ConverseStream tool-use and
 * reasoning event sequences.
 */
class ConverseCodecTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode WEATHER_SCHEMA = JSON.readTree("""
            {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""");

    @Test
    void theToolLoopRequestCarriesEveryBlock() {
        TextPrompt prompt = new TextPrompt(null, List.of(
                new ChatMessage(ChatMessage.Role.USER, List.of(new ContentPart.Text("Weather in Hanoi?"), new ContentPart.CachePoint())),
                new ChatMessage(ChatMessage.Role.ASSISTANT, List.of(new ContentPart.Reasoning("Need the tool.", "EqQB..."),
                        new ContentPart.ToolUse("tooluse_01", "get_weather", JSON.readTree("{\"city\":\"Hanoi\"}")))),
                new ChatMessage(ChatMessage.Role.USER, List.of(
                        new ContentPart.ToolResult("tooluse_01", JSON.readTree("{\"tempC\":31}"), false)))),
                "Be terse.", 4096, null, null, List.of(), List.of(new Tool("get_weather", "Current weather", WEATHER_SCHEMA)),
                ToolChoice.AUTO, null, 2048);

        ConverseBodies bodies = ConverseBodies.of(prompt, PayloadFamily.ANTHROPIC_MESSAGES);

        assertThat(bodies.system()).singleElement().satisfies(block -> assertThat(block.text()).isEqualTo("Be terse."));
        assertThat(bodies.inference().maxTokens()).isEqualTo(4096);
        List<Message> messages = bodies.messages();
        assertThat(messages).extracting(Message::role)
            .containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT, ConversationRole.USER);
        assertThat(messages.get(0).content().get(1).cachePoint()).isNotNull();
        ReasoningTextBlock reasoning = messages.get(1).content().get(0).reasoningContent().reasoningText();
        assertThat(reasoning.text()).isEqualTo("Need the tool.");
        assertThat(reasoning.signature()).isEqualTo("EqQB...");
        ToolUseBlock use = messages.get(1).content().get(1).toolUse();
        assertThat(use.input().asMap().get("city").asString()).isEqualTo("Hanoi");
        assertThat(messages.get(2).content().get(0).toolResult().content().get(0).json().asMap().get("tempC").asNumber()
            .intValue()).isEqualTo(31);
        assertThat(bodies.tools().tools().getFirst().toolSpec().inputSchema().json().asMap().get("required").asList())
            .extracting(Document::asString).containsExactly("city");
        assertThat(bodies.tools().toolChoice().auto()).isNotNull();
        assertThat(bodies.additionalFields().asMap().get("thinking").asMap().get("budget_tokens").asNumber().intValue())
            .isEqualTo(2048);
    }

    @Test
    void toolChoiceNoneLeavesTheToolsOutAndTitanGetsItsSystemInTheFirstTurn() {
        TextPrompt prompt = new TextPrompt("hi", List.of(), "Be terse.", 10, null, null, List.of(),
                List.of(new Tool("get_weather", null, WEATHER_SCHEMA)), new ToolChoice(ToolChoice.Mode.NONE, null), null,
                null);

        ConverseBodies bodies = ConverseBodies.of(prompt, PayloadFamily.TITAN_TEXT);

        assertThat(bodies.tools()).isNull();
        assertThat(bodies.system()).isEmpty();
        assertThat(bodies.messages().getFirst().content()).extracting(ContentBlock::text).containsExactly("Be terse.", "hi");
    }

    @Test
    void theAnswerKeepsTextToolUseReasoningAndCacheTokens() {
        ConverseResponse response = ConverseResponse.builder()
            .output(ConverseOutput.fromMessage(Message.builder().role(ConversationRole.ASSISTANT).content(
                    ContentBlock.fromReasoningContent(ReasoningContentBlock.fromReasoningText(
                            ReasoningTextBlock.builder().text("Need the tool.").signature("EqQB...").build())),
                    ContentBlock.fromText("Checking."),
                    ContentBlock.fromToolUse(ToolUseBlock.builder().toolUseId("tooluse_01").name("get_weather")
                        .input(Documents.of(JSON.readTree("{\"city\":\"Hanoi\",\"days\":3}"))).build()))
                .build()))
            .stopReason(StopReason.TOOL_USE)
            .usage(TokenUsage.builder().inputTokens(42).outputTokens(6).totalTokens(1090).cacheReadInputTokens(1042)
                .cacheWriteInputTokens(0).build())
            .build();

        TextResult result = ConverseAnswers.result(response, "m");

        assertThat(result.output()).isEqualTo("Checking.");
        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_USE);
        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_01");
            assertThat(call.input().toString()).isEqualTo("{\"city\":\"Hanoi\",\"days\":3}");
        });
        assertThat(result.reasoning()).isEqualTo(new ContentPart.Reasoning("Need the tool.", "EqQB..."));
        assertThat(result.usage().input()).isEqualTo(42);
        assertThat(result.usage().cacheRead()).isEqualTo(1042);
        assertThat(result.usage().output()).isEqualTo(6);
        assertThat(result.usage().reasoning()).isPositive().isLessThanOrEqualTo(6);
        assertThat(result.usage().estimated()).isFalse();
    }

    @Test
    void aStreamedToolUseIsForwardedAndReassembled() {
        Recorder sink = new Recorder();
        ConverseStreamReader reader = reader(sink);
        for (ConverseStreamOutput event : List.of(
                MessageStartEvent.builder().role(ConversationRole.ASSISTANT).build(),
                ContentBlockStartEvent.builder().contentBlockIndex(0).start(ContentBlockStart.fromToolUse(
                        ToolUseBlockStart.builder().toolUseId("tooluse_01").name("get_weather").build())).build(),
                toolInput("{\"city\":"), toolInput("\"Hanoi\"}"),
                ContentBlockStopEvent.builder().contentBlockIndex(0).build(),
                MessageStopEvent.builder().stopReason(StopReason.TOOL_USE).build(),
                metadata(57, 18))) {
            reader.accept(event);
        }

        TextResult result = reader.result(true);

        assertThat(sink.events).containsExactly("start 0 tooluse_01 get_weather", "input 0 {\"city\":",
                "input 0 \"Hanoi\"}");
        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_USE);
        assertThat(result.toolCalls().getFirst().input().path("city").asString()).isEqualTo("Hanoi");
        assertThat(result.usage().input()).isEqualTo(57);
        assertThat(result.usage().output()).isEqualTo(18);
    }

    @Test
    void streamedReasoningThenTextKeepsTheSignature() {
        Recorder sink = new Recorder();
        ConverseStreamReader reader = reader(sink);
        for (ConverseStreamOutput event : List.of(
                MessageStartEvent.builder().role(ConversationRole.ASSISTANT).build(),
                reasoning(ReasoningContentBlockDelta.fromText("Need ")),
                reasoning(ReasoningContentBlockDelta.fromText("the tool.")),
                reasoning(ReasoningContentBlockDelta.fromSignature("EqQB...")),
                ContentBlockStopEvent.builder().contentBlockIndex(0).build(),
                ContentBlockDeltaEvent.builder().contentBlockIndex(1).delta(ContentBlockDelta.fromText("31 °C.")).build(),
                ContentBlockStopEvent.builder().contentBlockIndex(1).build(),
                MessageStopEvent.builder().stopReason(StopReason.END_TURN).build(),
                metadata(42, 6))) {
            reader.accept(event);
        }

        TextResult result = reader.result(true);

        assertThat(sink.events).containsExactly("reasoning Need ", "reasoning the tool.", "signature EqQB...",
                "delta 31 °C.");
        assertThat(result.reasoning()).isEqualTo(new ContentPart.Reasoning("Need the tool.", "EqQB..."));
        assertThat(result.output()).isEqualTo("31 °C.");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    }

    private static ConverseStreamReader reader(Recorder sink) {
        CatalogModel model = TestModels.model("m", List.of(TestModels.bedrock("us-east-1")));
        TextPrompt prompt = new TextPrompt("hi", List.of(), null, 100, null, null, List.of());
        return new ConverseStreamReader(model, model.deployments().getFirst(), new TextStream(prompt, sink), JSON);
    }

    private static ContentBlockDeltaEvent toolInput(String piece) {
        return ContentBlockDeltaEvent.builder().contentBlockIndex(0)
            .delta(ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input(piece).build())).build();
    }

    private static ContentBlockDeltaEvent reasoning(ReasoningContentBlockDelta delta) {
        return ContentBlockDeltaEvent.builder().contentBlockIndex(0).delta(ContentBlockDelta.fromReasoningContent(delta))
            .build();
    }

    private static ConverseStreamMetadataEvent metadata(int input, int output) {
        return ConverseStreamMetadataEvent.builder()
            .usage(TokenUsage.builder().inputTokens(input).outputTokens(output).totalTokens(input + output).build())
            .build();
    }

    private static final class Recorder implements TextDeltaSink {

        final List<String> events = new ArrayList<>();

        @Override
        public void delta(String text) {
            this.events.add("delta " + text);
        }

        @Override
        public void toolCallStart(int index, String id, String name) {
            this.events.add("start " + index + " " + id + " " + name);
        }

        @Override
        public void toolCallInput(int index, String inputDelta) {
            this.events.add("input " + index + " " + inputDelta);
        }

        @Override
        public void reasoning(String text) {
            this.events.add("reasoning " + text);
        }

        @Override
        public void reasoningSignature(String signature) {
            this.events.add("signature " + signature);
        }

        @Override
        public boolean started() {
            return !this.events.isEmpty();
        }
    }
}
