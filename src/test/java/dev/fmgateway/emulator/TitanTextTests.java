package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class TitanTextTests {

    private static final String MODEL = "amazon.titan-text-express-v1";

    @Test
    void answersWithTitanResultsAndTokenCounts() {
        var response = TestEmulator.invoke(MODEL, """
                {"inputText":"User: What is a cloud?\\nBot:","textGenerationConfig":{"maxTokenCount":200,"temperature":0.5,"topP":0.9}}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        // "User: What is a cloud?\nBot:" = User : What is a cloud ? Bot : = 9 tokens
        assertThat(body.get("inputTextTokenCount").asInt()).isEqualTo(9);
        JsonNode result = body.at("/results/0");
        assertThat(result.get("outputText").asString()).isEqualTo("What is a cloud What is a cloud.");
        assertThat(result.get("tokenCount").asInt()).isEqualTo(9);
        assertThat(result.get("completionReason").asString()).isEqualTo("FINISHED");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("9");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Output-Token-Count")).isEqualTo("9");
    }

    @Test
    void reportsLengthAndStopCriteria() {
        JsonNode length = Json.MAPPER.readTree(TestEmulator.invoke(MODEL, """
                {"inputText":"alpha beta gamma","textGenerationConfig":{"maxTokenCount":2}}""").body().asUtf8String());
        assertThat(length.at("/results/0/outputText").asString()).isEqualTo("alpha beta");
        assertThat(length.at("/results/0/completionReason").asString()).isEqualTo("LENGTH");

        JsonNode stop = Json.MAPPER.readTree(TestEmulator.invoke(MODEL, """
                {"inputText":"alpha beta gamma","textGenerationConfig":{"stopSequences":["gamma"]}}""").body().asUtf8String());
        assertThat(stop.at("/results/0/outputText").asString()).isEqualTo("alpha beta ");
        assertThat(stop.at("/results/0/completionReason").asString()).isEqualTo("STOP_CRITERIA_MET");
        assertThat(stop.at("/results/0/tokenCount").asInt()).isEqualTo(3);
    }

    @Test
    void rejectsOutOfRangeAndUnknownConfig() {
        Throwable tooMany = TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId("amazon.titan-text-lite-v1")
                .body(SdkBytes.fromUtf8String("{\"inputText\":\"hi\",\"textGenerationConfig\":{\"maxTokenCount\":5000}}"))));
        assertThat(tooMany).isInstanceOf(ValidationException.class)
                .hasMessageContaining("#/textGenerationConfig/maxTokenCount: 5000 is not less or equal to 4096");

        Throwable unknown = TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(MODEL)
                .body(SdkBytes.fromUtf8String("{\"inputText\":\"hi\",\"textGenerationConfig\":{\"max_tokens\":5}}"))));
        assertThat(unknown).isInstanceOf(ValidationException.class)
                .hasMessageContaining("#/textGenerationConfig: extraneous key [max_tokens] is not permitted");

        Throwable missing = TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(MODEL)
                .body(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}"))));
        assertThat(missing).isInstanceOf(ValidationException.class)
                .hasMessageContaining("2 schema violations found");
    }
}
