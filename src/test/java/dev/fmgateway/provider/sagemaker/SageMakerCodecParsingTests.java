package dev.fmgateway.provider.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.invocation.FinishReason;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.provider.TextCodec;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SageMaker container codecs against example bodies written from the wire reference (§7). */
class SageMakerCodecParsingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TextPrompt PROMPT = new TextPrompt("Tell me a joke", List.of(), null, 32, 0.7, 0.9,
            List.of("\n\n"));

    @Test
    void tgiRequestResponseAndStream() {
        TgiCodec codec = new TgiCodec(JSON);
        JsonNode request = JSON.valueToTree(codec.request(PROMPT, true));
        assertThat(request.path("inputs").asString()).isEqualTo("Tell me a joke");
        assertThat(request.path("parameters").path("max_new_tokens").asInt()).isEqualTo(32);
        assertThat(request.path("parameters").path("stop").path(0).asString()).isEqualTo("\n\n");
        assertThat(request.path("stream").asBoolean()).isTrue();

        TextResult result = codec.response(JSON.readTree("""
                [{"generated_text":" Why did the chicken","details":{"finish_reason":"length","generated_tokens":32}}]"""),
                TokenCounts.NONE, PROMPT);
        assertThat(result.output()).isEqualTo(" Why did the chicken");
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage().output()).isEqualTo(32);
        assertThat(result.usage().estimated()).isTrue();

        assertThat(codec.chunk("data:{\"token\": {\"id\": 1, \"text\": \" a\", \"logprob\": -0.1, \"special\": false}}").text())
            .isEqualTo(" a");
        var last = codec.chunk("data:{\"token\":{\"text\":\".\",\"special\":false},\"generated_text\":\"a.\","
                + "\"details\":{\"finish_reason\":\"eos_token\",\"generated_tokens\":2}}");
        assertThat(last.text()).isEqualTo(".");
        assertThat(last.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(last.outputTokens()).isEqualTo(2);
        assertThat(codec.chunk(": keep-alive")).isNull();
        assertThatThrownBy(() -> codec.chunk("data:{\"error\":\"Request failed during generation\",\"error_type\":\"generation\"}"))
            .isInstanceOf(TextCodec.StreamError.class)
            .hasMessage("Request failed during generation");
    }

    @Test
    void djlAndJumpStartFormats() {
        DjlCodec djl = new DjlCodec(JSON);
        TextPrompt noStops = new TextPrompt("Hi", List.of(), null, 16, null, null, List.of());
        assertThat(JSON.valueToTree(djl.request(noStops, false)).toString())
            .isEqualTo("{\"inputs\":[\"Hi\"],\"parameters\":{\"max_new_tokens\":16,\"do_sample\":false}}");
        assertThat(djl.response(JSON.readTree("[{\"generated_text\":\" there\"}]"), TokenCounts.NONE, noStops).output())
            .isEqualTo(" there");
        assertThat(djl.chunk("{\"outputs\": [\" the\", \"re\"]}").text()).isEqualTo(" there");

        ContainerCodec jumpStart = new JumpStartTextCodecs().jumpStartText();
        JsonNode request = JSON.valueToTree(jumpStart.request(noStops, false));
        assertThat(request.path("text_inputs").asString()).isEqualTo("Hi");
        assertThat(request.path("max_length").asInt()).isEqualTo(16);
        assertThat(jumpStart.response(JSON.readTree("{\"generated_texts\":[\"Hi there\"]}"), TokenCounts.NONE, noStops)
            .output())
            .isEqualTo("Hi there");
    }
}
