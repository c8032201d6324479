package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class StreamingTests {

    private static final String CLAUDE_BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"messages":[{"role":"user","content":"Stream some words please"}]}""";

    @Test
    void streamsClaudeMessagesEventsInOrderWithFinalMetrics() {
        var result = BedrockStreams.consume("us.anthropic.claude-3-5-sonnet-20241022-v2:0", CLAUDE_BODY);

        List<String> types = result.events().stream().map(e -> e.get("type").asString()).toList();
        assertThat(types.getFirst()).isEqualTo("message_start");
        assertThat(types.get(1)).isEqualTo("content_block_start");
        assertThat(types.subList(2, types.size() - 3)).isNotEmpty().allMatch("content_block_delta"::equals);
        assertThat(types.subList(types.size() - 3, types.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(result.response.get().contentType()).isEqualTo("application/json");

        String text = result.events().stream().filter(e -> e.get("type").asString().equals("content_block_delta"))
                .map(e -> e.at("/delta/text").asString()).reduce("", String::concat);
        JsonNode invoked = Json.MAPPER.readTree(
                TestEmulator.invoke("us.anthropic.claude-3-5-sonnet-20241022-v2:0", CLAUDE_BODY).body().asUtf8String());
        assertThat(text).isEqualTo(invoked.at("/content/0/text").asString());

        JsonNode start = result.events().getFirst();
        assertThat(start.at("/message/usage/input_tokens").asInt()).isEqualTo(4);
        JsonNode delta = result.events().get(types.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(9);
        JsonNode metrics = result.last().get("amazon-bedrock-invocationMetrics");
        assertThat(metrics.get("inputTokenCount").asInt()).isEqualTo(4);
        assertThat(metrics.get("outputTokenCount").asInt()).isEqualTo(9);
        assertThat(metrics.get("invocationLatency").asLong()).isGreaterThanOrEqualTo(metrics.get("firstByteLatency").asLong());
    }

    @Test
    void streamsTitanChunksWithCumulativeCounts() {
        var result = BedrockStreams.consume("amazon.titan-text-express-v1", """
                {"inputText":"one two three","textGenerationConfig":{"maxTokenCount":4}}""");

        assertThat(result.events()).hasSize(2);
        assertThat(result.events().getFirst().get("inputTextTokenCount").asInt()).isEqualTo(3);
        assertThat(result.events().getFirst().get("completionReason").isNull()).isTrue();
        assertThat(result.events().stream().map(e -> e.get("outputText").asString()).reduce("", String::concat))
                .isEqualTo("one two three one");
        assertThat(result.last().get("completionReason").asString()).isEqualTo("LENGTH");
        assertThat(result.last().get("totalOutputTextTokenCount").asInt()).isEqualTo(4);
        assertThat(result.last().at("/amazon-bedrock-invocationMetrics/outputTokenCount").asInt()).isEqualTo(4);
    }

    @Test
    void streamsClaudeTextAndLlamaWithTheirFinalFields() {
        var claude = BedrockStreams.consume("anthropic.claude-v2:1", """
                {"prompt":"\\n\\nHuman: Hi there friend\\n\\nAssistant:","max_tokens_to_sample":300,"stop_sequences":["friend"]}""");
        assertThat(claude.events().stream().map(e -> e.get("completion").asString()).reduce("", String::concat))
                .isEqualTo("Hi there ");
        assertThat(claude.last().get("stop_reason").asString()).isEqualTo("stop_sequence");
        assertThat(claude.last().get("stop").asString()).isEqualTo("friend");
        assertThat(claude.last().has("amazon-bedrock-invocationMetrics")).isTrue();

        var llama = BedrockStreams.consume("meta.llama3-8b-instruct-v1:0", """
                {"prompt":"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nName three colors<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n","max_gen_len":5}""");
        assertThat(llama.events()).hasSize(5);
        assertThat(llama.events().getFirst().get("prompt_token_count").asInt()).isPositive();
        assertThat(llama.events().get(1).get("prompt_token_count").isNull()).isTrue();
        assertThat(llama.last().get("generation_token_count").asInt()).isEqualTo(5);
        assertThat(llama.last().get("stop_reason").asString()).isEqualTo("length");
        assertThat(llama.events().stream().map(e -> e.get("generation").asString()).reduce("", String::concat))
                .isEqualTo("Name three colors Name three");
    }

    @Test
    void refusesStreamingForJurassicAndEmbeddings() {
        var jurassic = BedrockStreams.start("ai21.j2-ultra-v1", "{\"prompt\":\"hi\"}");
        assertThat(TestEmulator.failure(jurassic.done)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("The model is unsupported for streaming");
        var embed = BedrockStreams.start("amazon.titan-embed-text-v2:0", "{\"inputText\":\"hi\"}");
        assertThat(TestEmulator.failure(embed.done)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("The model is unsupported for streaming");
    }
}
