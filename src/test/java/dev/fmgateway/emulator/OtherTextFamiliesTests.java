package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class OtherTextFamiliesTests {

    private static JsonNode invoke(String model, String json) {
        return Json.MAPPER.readTree(TestEmulator.invoke(model, json).body().asUtf8String());
    }

    private static Throwable rejected(String model, String json) {
        return TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(model).body(SdkBytes.fromUtf8String(json))));
    }

    @Test
    void claudeTextCompletesWithHumanStopOnNaturalEnd() {
        var response = TestEmulator.invoke("anthropic.claude-v2", """
                {"prompt":"\\n\\nHuman: Why is the sky blue?\\n\\nAssistant:","max_tokens_to_sample":200}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        assertThat(body.get("completion").asString()).isEqualTo("Why is the sky blue Why is the sky blue.");
        assertThat(body.get("stop_reason").asString()).isEqualTo("stop_sequence");
        assertThat(body.get("stop").asString()).isEqualTo("\n\nHuman:");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("10");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Output-Token-Count")).isEqualTo("11");
    }

    @Test
    void claudeTextRejectsPromptsWithoutTurns() {
        assertThat(rejected("anthropic.claude-v2", "{\"prompt\":\"Hello\",\"max_tokens_to_sample\":20}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prompt must start with");
        assertThat(rejected("anthropic.claude-v2", "{\"prompt\":\"\\n\\nHuman: Hello\"}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("required key [max_tokens_to_sample] not found");
    }

    @Test
    void llamaReportsCountsInTheBody() {
        var response = TestEmulator.invoke("meta.llama2-13b-chat-v1", """
                {"prompt":"<s>[INST] Name a fruit [/INST]","max_gen_len":64,"temperature":0.5,"top_p":0.9}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        assertThat(body.get("generation").asString()).isEqualTo("Name a fruit Name a fruit.");
        assertThat(body.get("stop_reason").asString()).isEqualTo("stop");
        assertThat(body.get("generation_token_count").asInt()).isEqualTo(7);
        assertThat(body.get("prompt_token_count").asInt()).isEqualTo(Tokenizer.count("<s>[INST] Name a fruit [/INST]"));
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count"))
                .isEqualTo(body.get("prompt_token_count").asString());
        assertThat(rejected("meta.llama2-13b-chat-v1", "{\"prompt\":\"x\",\"max_gen_len\":4096}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("#/max_gen_len: 4096 is not less or equal to 2048");
    }

    @Test
    void jurassicAnswersInAi21FormatWithHeaderUsageOnly() {
        var response = TestEmulator.invoke("ai21.j2-mid-v1", """
                {"prompt":"Write about rivers","maxTokens":3,"temperature":0.7,"countPenalty":{"scale":0.5,"applyToNumbers":false}}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        assertThat(body.get("id").isInt()).isTrue();
        assertThat(body.at("/prompt/text").asString()).isEqualTo("Write about rivers");
        assertThat(body.at("/prompt/tokens")).hasSize(3);
        assertThat(body.at("/completions/0/data/text").asString()).isEqualTo("Write about rivers");
        assertThat(body.at("/completions/0/finishReason/reason").asString()).isEqualTo("length");
        assertThat(body.at("/completions/0/data/tokens/0/generatedToken/token").asString()).isEqualTo("▁Write");
        assertThat(body.has("usage")).isFalse();
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Output-Token-Count")).isEqualTo("3");
        assertThat(rejected("ai21.j2-mid-v1", "{\"prompt\":\"x\",\"presencePenalty\":{\"scale\":9}}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("#/presencePenalty/scale: 9 is not less or equal to 5");
    }
}
