package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class ClaudeMessagesTests {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    private static JsonNode invoke(String json) {
        return Json.MAPPER.readTree(TestEmulator.invoke(MODEL, json).body().asUtf8String());
    }

    private static ValidationException rejected(String model, String json) {
        Throwable error = TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(model)
                .contentType("application/json").body(SdkBytes.fromUtf8String(json))));
        assertThat(error).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) error).statusCode()).isEqualTo(400);
        return (ValidationException) error;
    }

    @Test
    void answersFromThePromptWithUsageMatchingTheHeaders() {
        var response = TestEmulator.invoke(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"system":"Be brief.",
                 "messages":[{"role":"user","content":[{"type":"text","text":"Tell me about red apples"}]}]}""");
        JsonNode body = Json.MAPPER.readTree(response.body().asUtf8String());

        assertThat(body.get("type").asString()).isEqualTo("message");
        assertThat(body.get("role").asString()).isEqualTo("assistant");
        assertThat(body.get("model").asString()).isEqualTo("claude-3-haiku-20240307");
        assertThat(body.get("id").asString()).startsWith("msg_bdrk_");
        String text = body.at("/content/0/text").asString();
        assertThat(text).isEqualTo("Tell me about red apples Tell me about red apples.");
        assertThat(body.get("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(body.get("stop_sequence").isNull()).isTrue();
        // input: "Be brief." (3) + "Tell me about red apples" (5); output: 10 words + "."
        assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(8);
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(11);
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("8");
        assertThat(TestEmulator.header(response, "X-Amzn-Bedrock-Output-Token-Count")).isEqualTo("11");
        assertThat(Long.parseLong(TestEmulator.header(response, "X-Amzn-Bedrock-Invocation-Latency"))).isNotNegative();
        assertThat(response.contentType()).isEqualTo("application/json");
    }

    @Test
    void stopsAtMaxTokens() {
        JsonNode body = invoke("""
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":3,"messages":[{"role":"user","content":"one two three four"}]}""");

        assertThat(body.at("/content/0/text").asString()).isEqualTo("one two three");
        assertThat(body.get("stop_reason").asString()).isEqualTo("max_tokens");
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void cutsBeforeTheFirstStopSequence() {
        JsonNode body = invoke("""
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":50,"stop_sequences":["zzz","three"],
                 "messages":[{"role":"user","content":"one two three four"}]}""");

        assertThat(body.at("/content/0/text").asString()).isEqualTo("one two ");
        assertThat(body.get("stop_reason").asString()).isEqualTo("stop_sequence");
        assertThat(body.get("stop_sequence").asString()).isEqualTo("three");
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void rejectsMissingMaxTokens() {
        var error = rejected(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(
                "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.");
    }

    @Test
    void rejectsExtraneousKeyAndWrongVersion() {
        assertThat(rejected(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":5,"model":"claude","messages":[{"role":"user","content":"hi"}]}""")
                .awsErrorDetails().errorMessage()).contains("#: extraneous key [model] is not permitted");
        assertThat(rejected(MODEL, """
                {"anthropic_version":"2023-06-01","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""")
                .awsErrorDetails().errorMessage()).contains("#/anthropic_version: 2023-06-01 is not a valid enum value");
        assertThat(rejected(MODEL, """
                {"anthropic_version":"2023-06-01","max_tokens":"5","messages":[]}""")
                .awsErrorDetails().errorMessage()).isEqualTo(
                "Malformed input request: 3 schema violations found, please reformat your input and try again.");
    }

    @Test
    void rejectsConversationsThatDoNotAlternateOrStartWithUser() {
        assertThat(rejected(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":5,
                 "messages":[{"role":"assistant","content":"hi"},{"role":"user","content":"yo"}]}""")
                .awsErrorDetails().errorMessage()).isEqualTo("messages: first message must use the \"user\" role");
        assertThat(rejected(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":5,
                 "messages":[{"role":"user","content":"hi"},{"role":"user","content":"yo"}]}""")
                .awsErrorDetails().errorMessage()).contains("roles must alternate");
    }

    @Test
    void rejectsMaxTokensAboveTheModelLimit() {
        assertThat(rejected(MODEL, """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":5000,"messages":[{"role":"user","content":"hi"}]}""")
                .awsErrorDetails().errorMessage()).startsWith("max_tokens: 5000 > 4096");
    }

    @Test
    void rejectsUnknownModelsAndProfileOnlyModelsCalledByBaseId() {
        String body = """
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""";
        assertThat(rejected("anthropic.claude-3-haiku-20240307-v1", body).awsErrorDetails().errorMessage())
                .isEqualTo("The provided model identifier is invalid.");
        assertThat(rejected("us.amazon.titan-text-express-v1", body).awsErrorDetails().errorMessage())
                .isEqualTo("The provided model identifier is invalid.");
        assertThat(rejected("anthropic.claude-3-7-sonnet-20250219-v1:0", body).awsErrorDetails().errorMessage())
                .startsWith("Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn't supported.");
        assertThat(TestEmulator.invoke("us.anthropic.claude-3-7-sonnet-20250219-v1:0", body).sdkHttpResponse().statusCode())
                .isEqualTo(200);
        assertThat(TestEmulator.invoke("global.anthropic.claude-sonnet-4-5-20250929-v1:0", body).sdkHttpResponse().statusCode())
                .isEqualTo(200);
    }
}
