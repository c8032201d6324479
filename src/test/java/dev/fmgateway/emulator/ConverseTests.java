package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ConverseTests {

    private static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    private static Message assistant(String text) {
        return Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText(text)).build();
    }

    @Test
    void conversesWithUsageAndStopSequence() {
        ConverseResponse response = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r
                .modelId("anthropic.claude-3-haiku-20240307-v1:0")
                .system(SystemContentBlock.fromText("You are terse"))
                .messages(user("Hi"), assistant("Hello"), user("Count apples pears plums"))
                .inferenceConfig(c -> c.maxTokens(100).stopSequences("plums"))));

        assertThat(response.output().message().content().getFirst().text()).isEqualTo("Count apples pears ");
        assertThat(response.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        // system 3 + Hi 1 + Hello 1 + 4 words
        assertThat(response.usage().inputTokens()).isEqualTo(9);
        assertThat(response.usage().outputTokens()).isEqualTo(4);
        assertThat(response.usage().totalTokens()).isEqualTo(13);
        assertThat(response.metrics().latencyMs()).isNotNegative();
    }

    @Test
    void conversesWithLlamaAndTitanByRenderingTheirPrompts() {
        ConverseResponse llama = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r
                .modelId("us.meta.llama3-1-8b-instruct-v1:0").messages(user("Say hello")).inferenceConfig(c -> c.maxTokens(2))));
        assertThat(llama.output().message().content().getFirst().text()).isEqualTo("Say hello");
        assertThat(llama.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(llama.usage().inputTokens()).isGreaterThan(2);

        ConverseResponse titan = TestEmulator.get(TestEmulator.BEDROCK.converse(r -> r
                .modelId("amazon.titan-text-premier-v1:0").messages(user("Say hello"))));
        assertThat(titan.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(titan.usage().inputTokens()).isEqualTo(Tokenizer.count("User: Say hello\nBot:"));
    }

    @Test
    void rejectsWhatAwsRejects() {
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r
                .modelId("anthropic.claude-3-haiku-20240307-v1:0").messages(assistant("Hi")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("A conversation must start with a user message");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r
                .modelId("anthropic.claude-3-haiku-20240307-v1:0").messages(user("a"), user("b")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must alternate between user and assistant");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r
                .modelId("anthropic.claude-3-haiku-20240307-v1:0").messages(user("a")).inferenceConfig(c -> c.maxTokens(9000)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("exceeds the model limit of 4096");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r
                .modelId("amazon.titan-embed-text-v2:0").messages(user("a")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("doesn't support the model");
        assertThat(TestEmulator.failure(TestEmulator.BEDROCK.converse(r -> r
                .modelId("amazon.titan-text-express-v1").system(SystemContentBlock.fromText("sys")).messages(user("a")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("doesn't support system");
    }

    @Test
    void streamsConverseEventsInOrder() {
        List<String> events = new CopyOnWriteArrayList<>();
        StringBuilder text = new StringBuilder();
        AtomicReference<ConverseStreamMetadataEvent> metadata = new AtomicReference<>();
        AtomicReference<StopReason> stop = new AtomicReference<>();
        var handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onMessageStart(e -> events.add("messageStart:" + e.roleAsString()))
                        .onContentBlockDelta(e -> {
                            events.add("delta");
                            text.append(e.delta().text());
                        })
                        .onContentBlockStop(e -> events.add("stop:" + e.contentBlockIndex()))
                        .onMessageStop(e -> {
                            events.add("messageStop");
                            stop.set(e.stopReason());
                        })
                        .onMetadata(e -> {
                            events.add("metadata");
                            metadata.set(e);
                        })
                        .build())
                .build();

        TestEmulator.get(TestEmulator.BEDROCK.converseStream(r -> r.modelId("anthropic.claude-instant-v1")
                .messages(user("Tell a short story")).inferenceConfig(c -> c.maxTokens(6)), handler));

        assertThat(events.getFirst()).isEqualTo("messageStart:assistant");
        assertThat(events.subList(1, 7)).allMatch("delta"::equals);
        assertThat(events.subList(7, events.size())).containsExactly("stop:0", "messageStop", "metadata");
        assertThat(text.toString()).isEqualTo("Tell a short story Tell a");
        assertThat(stop.get()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(metadata.get().usage().outputTokens()).isEqualTo(6);
        assertThat(metadata.get().usage().inputTokens()).isEqualTo(Tokenizer.count("\n\nHuman: Tell a short story\n\nAssistant:"));
    }
}
