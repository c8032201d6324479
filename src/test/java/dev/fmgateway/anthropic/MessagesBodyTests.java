package dev.fmgateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The rewrite of an Anthropic Messages body into the Claude Messages body Bedrock's InvokeModel takes. */
class MessagesBodyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MessagesBody parse(String body) {
        return MessagesBody.parse(body.getBytes(StandardCharsets.UTF_8), JSON, true);
    }

    @Test
    void systemMessagesJoinTheSystemBlocksAndTurnsOfOneRoleAreJoined() {
        ObjectNode bedrock = parse("""
                {"model":"m","max_tokens":10,"system":"Be brief.","messages":[
                 {"role":"user","content":"one"},{"role":"system","content":"Mid-conversation note"},
                 {"role":"user","content":[{"type":"text","text":"two"}]}]}""").forBedrock(null, List.of());

        assertThat(bedrock.path("system").findValuesAsString("text")).containsExactly("Be brief.",
                "Mid-conversation note");
        JsonNode messages = bedrock.path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.path(0).path("content").findValuesAsString("text")).containsExactly("one", "two");
    }

    @Test
    void onlyAllowedBetasMoveIntoTheBody() {
        ObjectNode bedrock = parse("{\"model\":\"m\",\"max_tokens\":10,\"stream\":true,\"messages\":[]}")
            .forBedrock(List.of("claude-code-20250219, effort-2025-11-24", "context-1m-2025-08-07"),
                    AnthropicProperties.BEDROCK_BETAS);

        assertThat(bedrock.path("anthropic_beta").valueStream().map(JsonNode::asString).toList())
            .containsExactly("effort-2025-11-24", "context-1m-2025-08-07");
        assertThat(bedrock.has("stream")).isFalse();
        assertThat(parse("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[]}")
            .forBedrock(List.of("claude-code-20250219"), AnthropicProperties.BEDROCK_BETAS)
            .has("anthropic_beta")).isFalse();
    }

    @Test
    void maxTokensAndThinkingBudgetAreCappedToTheServingModel() {
        MessagesBody body = parse("""
                {"model":"m","max_tokens":64000,"thinking":{"type":"enabled","budget_tokens":40000},"messages":[]}""");
        body.capMaxTokens(32000);
        ObjectNode bedrock = body.forBedrock(null, List.of());
        assertThat(bedrock.path("max_tokens").asInt()).isEqualTo(32000);
        assertThat(bedrock.path("thinking").path("budget_tokens").asInt()).isLessThan(32000);
    }

    @Test
    void badBodiesAreInvalidRequests() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(AnthropicError.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"max_tokens\":0,\"messages\":[]}"))
            .hasMessageContaining("max_tokens");
        assertThatThrownBy(() -> parse("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[],\"stream\":\"yes\"}"))
            .hasMessageContaining("stream");
    }
}
