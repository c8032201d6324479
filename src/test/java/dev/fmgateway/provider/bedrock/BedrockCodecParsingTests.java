package dev.fmgateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.problem.ContentFilteredException;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each Bedrock codec against example bodies written from the wire reference (§6): what it sends, and what it
 * reads back (text, finish reason, usage from body fields or Bedrock's headers, images).
 */
class BedrockCodecParsingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TextPrompt PROMPT = new TextPrompt("Hello there", List.of(), "Be brief.", 50, 0.5, null,
            List.of("END"));

    private static final TokenCounts NO_HEADERS = new TokenCounts(null, null);

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode sent(Object request) {
        return JSON.valueToTree(request);
    }

    @Test
    void claudeMessages() {
        ClaudeMessagesCodec codec = new ClaudeMessagesCodec(JSON);
        JsonNode request = sent(codec.request(PROMPT, false));
        assertThat(request.path("anthropic_version").asString()).isEqualTo("bedrock-2023-05-31");
        assertThat(request.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(request.path("stop_sequences").path(0).asString()).isEqualTo("END");
        assertThat(request.path("messages").path(0).path("role").asString()).isEqualTo("user");
        assertThat(request.has("top_p")).isFalse();

        TextResult result = codec.response(json("""
                {"id":"msg_bdrk_01","type":"message","role":"assistant","model":"claude-3-haiku-20240307",
                 "content":[{"type":"text","text":"Hi! "},{"type":"text","text":"How can I help?"}],
                 "stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":14,"output_tokens":9}}"""),
                new TokenCounts(99L, 99L), PROMPT);
        assertThat(result.output()).isEqualTo("Hi! How can I help?");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage().input()).isEqualTo(14);
        assertThat(result.usage().output()).isEqualTo(9);
        assertThat(result.usage().estimated()).isFalse();

        assertThat(codec.chunk(json("{\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":14,\"output_tokens\":1}}}"))
            .inputTokens()).isEqualTo(14);
        assertThat(codec.chunk(json("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"))
            .text()).isEqualTo("Hi");
        assertThat(codec.chunk(json("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"stop_sequence\"},\"usage\":{\"output_tokens\":4}}"))
            .finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
    }

    @Test
    void claudeTextCompletionsUseHeadersForUsage() {
        ClaudeTextCodec codec = new ClaudeTextCodec(JSON);
        JsonNode request = sent(codec.request(PROMPT, false));
        assertThat(request.path("prompt").asString()).isEqualTo("Be brief.\n\nHuman: Hello there\n\nAssistant:");
        assertThat(request.path("max_tokens_to_sample").asInt()).isEqualTo(50);

        TextResult natural = codec.response(json("{\"completion\":\" Hi.\",\"stop_reason\":\"stop_sequence\",\"stop\":\"\\n\\nHuman:\"}"),
                new TokenCounts(12L, 3L), PROMPT);
        assertThat(natural.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(natural.usage().input()).isEqualTo(12);
        assertThat(natural.usage().estimated()).isFalse();
        TextResult stopped = codec.response(json("{\"completion\":\" Hi\",\"stop_reason\":\"stop_sequence\",\"stop\":\"END\"}"),
                NO_HEADERS, PROMPT);
        assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(stopped.usage().estimated()).isTrue();
    }

    @Test
    void titanText() {
        TitanTextCodec codec = new TitanTextCodec(JSON);
        JsonNode request = sent(codec.request(PROMPT, false));
        assertThat(request.path("inputText").asString()).isEqualTo("Be brief.\nHello there");
        assertThat(request.path("textGenerationConfig").path("maxTokenCount").asInt()).isEqualTo(50);
        assertThat(request.path("textGenerationConfig").path("stopSequences").path(0).asString()).isEqualTo("END");

        TextResult result = codec.response(json("""
                {"inputTextTokenCount":5,"results":[{"tokenCount":7,"outputText":"\\nA short answer","completionReason":"LENGTH"}]}"""),
                NO_HEADERS, PROMPT);
        assertThat(result.output()).isEqualTo("\nA short answer");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage().output()).isEqualTo(7);
        assertThat(codec.chunk(json("{\"index\":0,\"inputTextTokenCount\":null,\"totalOutputTextTokenCount\":3,\"outputText\":\" more\",\"completionReason\":\"FINISH\"}"))
            .text()).isEqualTo(" more");
    }

    @Test
    void jurassicCountsTokensFromItsArraysWithoutHeaders() {
        JurassicCodec codec = new JurassicCodec(JSON);
        assertThat(sent(codec.request(PROMPT, false)).path("maxTokens").asInt()).isEqualTo(50);
        TextResult result = codec.response(json("""
                {"id":1234,"prompt":{"text":"Hello there","tokens":[{"generatedToken":{"token":"▁Hello"}},{"generatedToken":{"token":"▁there"}}]},
                 "completions":[{"data":{"text":" General Kenobi","tokens":[{},{},{}]},"finishReason":{"reason":"length","length":3}}]}"""),
                NO_HEADERS, PROMPT);
        assertThat(result.output()).isEqualTo(" General Kenobi");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage().input()).isEqualTo(2);
        assertThat(result.usage().output()).isEqualTo(3);
        assertThat(result.usage().estimated()).isFalse();
    }

    @Test
    void llamaTemplatesAndUsage() {
        Llama3Codec llama3 = new Llama3Codec(JSON);
        TextPrompt noStops = new TextPrompt("Hi", List.of(), "Sys", 20, null, null, List.of());
        assertThat(sent(llama3.request(noStops, false)).path("prompt").asString()).isEqualTo(
                "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nSys<|eot_id|>"
                        + "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(sent(new Llama2Codec(JSON).request(noStops, false)).path("prompt").asString())
            .isEqualTo("<s>[INST] <<SYS>>\nSys\n<</SYS>>\n\nHi [/INST]");
        TextResult result = llama3.response(json("""
                {"generation":"Hello!","prompt_token_count":8,"generation_token_count":2,"stop_reason":"stop"}"""),
                NO_HEADERS, noStops);
        assertThat(result.usage().input()).isEqualTo(8);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThatThrownBy(() -> llama3.check(PROMPT)).hasMessageContaining("stopSequences");
    }

    @Test
    void titanEmbeddings() {
        TitanEmbeddingCodecs codecs = new TitanEmbeddingCodecs();
        EmbeddingInput input = new EmbeddingInput("hello", null, 256, true);
        assertThat(sent(codecs.titanEmbedTextV2().request(input)).toString())
            .isEqualTo("{\"inputText\":\"hello\",\"dimensions\":256,\"normalize\":true}");
        assertThat(sent(codecs.titanEmbedTextV1().request(input)).toString()).isEqualTo("{\"inputText\":\"hello\"}");
        assertThat(sent(codecs.titanEmbedImage().request(new EmbeddingInput("hi", new byte[] { 1 }, 384, null))).toString())
            .isEqualTo("{\"inputText\":\"hi\",\"inputImage\":\"AQ==\",\"embeddingConfig\":{\"outputEmbeddingLength\":384}}");
        var result = codecs.titanEmbedTextV2().response(json("""
                {"embedding":[0.25,-0.5],"inputTextTokenCount":3,"embeddingsByType":{"float":[0.25,-0.5]}}"""),
                new TokenCounts(3L, null), input, "titan-embed-text-v2");
        assertThat(result.vector()).containsExactly(0.25f, -0.5f);
        assertThat(result.usage().input()).isEqualTo(3);
    }

    @Test
    void cohereEmbedCarriesTextsAndInputTypeAndReadsOneVectorPerText() {
        CohereEmbedCodec codec = new CohereEmbedCodec();
        EmbeddingInput query = EmbeddingInput.batch(java.util.List.of("Xin chào thế giới", "hello"), null, null,
                "search_query");
        assertThat(sent(codec.request(query)).toString())
            .isEqualTo("{\"texts\":[\"Xin chào thế giới\",\"hello\"],\"input_type\":\"search_query\"}");
        assertThat(sent(codec.request(EmbeddingInput.batch(java.util.List.of("a"), 512, null, null))).toString())
            .isEqualTo("{\"texts\":[\"a\"],\"input_type\":\"search_document\",\"output_dimension\":512}");

        var plain = codec.response(json("""
                {"id":"e1","embeddings":[[0.5,-0.25],[0.125,1.0]],"texts":["Xin chào thế giới","hello"],
                 "response_type":"embeddings_floats"}"""), new TokenCounts(7L, null), query, "cohere-embed-multilingual-v3");
        assertThat(plain.vectors()).hasSize(2);
        assertThat(plain.vectors().get(1)).containsExactly(0.125f, 1.0f);
        assertThat(plain.usage().input()).isEqualTo(7);
        var byType = codec.response(json("""
                {"id":"e2","embeddings":{"float":[[1.0],[2.0]]},"response_type":"embeddings_by_type"}"""),
                TokenCounts.NONE, query, "m");
        assertThat(byType.vectors().get(0)).containsExactly(1.0f);
        assertThat(byType.usage().estimated()).isTrue();
        assertThatThrownBy(() -> codec.response(json("{\"embeddings\":[[1.0]]}"), TokenCounts.NONE, query, "m"))
            .hasMessageContaining("1 embeddings for 2 texts");
    }

    private static String png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void imageFamilies() throws IOException {
        ImagePrompt prompt = new ImagePrompt("a cat", "dogs", 1024, 1024, 1, 42L, null, null, null, null);
        JsonNode titan = sent(new TitanImageCodec().request(prompt));
        assertThat(titan.path("taskType").asString()).isEqualTo("TEXT_IMAGE");
        assertThat(titan.path("textToImageParams").path("negativeText").asString()).isEqualTo("dogs");
        assertThat(titan.path("imageGenerationConfig").path("numberOfImages").asInt()).isEqualTo(1);
        ImageResult images = new TitanImageCodec().response(json("{\"images\":[\"" + png() + "\"],\"error\":null}"), prompt, "m");
        assertThat(images.images()).hasSize(1);
        assertThat(images.images().getFirst().mimeType()).isEqualTo("image/png");
        assertThatThrownBy(() -> new TitanImageCodec().response(json("{\"images\":[],\"error\":\"blocked by moderation\"}"),
                prompt, "m")).isInstanceOf(ContentFilteredException.class);

        JsonNode sdxl = sent(new StabilitySdxlCodec().request(prompt));
        assertThat(sdxl.path("text_prompts").toString()).isEqualTo("[{\"text\":\"a cat\",\"weight\":1.0},{\"text\":\"dogs\",\"weight\":-1.0}]");
        ImageResult art = new StabilitySdxlCodec().response(json("""
                {"result":"success","artifacts":[{"seed":42,"base64":"%s","finishReason":"SUCCESS"}]}""".formatted(png())), prompt, "m");
        assertThat(art.images().getFirst().seed()).isEqualTo(42L);

        JsonNode sd3 = sent(new StabilityImageCodec().request(new ImagePrompt("x", null, 1344, 768, 1, null, null, null, null, null)));
        assertThat(sd3.path("aspect_ratio").asString()).isEqualTo("16:9");
        assertThat(sd3.path("output_format").asString()).isEqualTo("png");
        assertThatThrownBy(() -> new StabilityImageCodec().response(json("{\"finish_reasons\":[\"Filter reason: prompt\"]}"),
                prompt, "m")).isInstanceOf(ContentFilteredException.class).hasMessageContaining("content filter");
        assertThatThrownBy(() -> new StabilityImageCodec().check(new ImagePrompt("x", null, 1024, 1024, 1, null, 30, null,
                null, null))).hasMessageContaining("steps");
    }
}
