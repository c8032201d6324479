package dev.fmgateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.NodeScripts;

/**
 * Claude Code ({@code @anthropic-ai/claude-code} from npm, locked in {@code src/test/node-claude-code}) in
 * {@code -p} mode with {@code ANTHROPIC_BASE_URL} at the gateway: one agent turn with a tool call, a tool result and
 * a final answer, streamed through the Anthropic surface to the emulator. Claude Code's built-in model name is
 * newer than the catalog and resolves through {@code gateway.anthropic.model-aliases}. It needs Node.js: without
 * it the test fails, never skips.
 */
class ClaudeCodeTests extends GatewayIntegrationTest {

    private static final Path DIR = Path.of("src/test/node-claude-code");

    @Test
    void claudeCodeCompletesAnAgentTurnWithATool() throws Exception {
        installClaudeCode();
        Path home = Files.createTempDirectory("claude-code-home");
        Path work = Files.createTempDirectory("claude-code-work");
        Map<String, String> env = Map.of("HOME", home.toString(), "ANTHROPIC_BASE_URL",
                "http://127.0.0.1:" + this.port + "/anthropic", "ANTHROPIC_AUTH_TOKEN", "any-key-of-an-open-gateway",
                "DISABLE_TELEMETRY", "1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1", "DISABLE_AUTOUPDATER", "1");

        NodeScripts.Run claude = claude(work, env);

        assertThat(claude.exitCode()).as(claude.output()).isZero();
        String json = claude.output().substring(claude.output().indexOf('{'));
        JsonNode result = JsonMapper.builder().build().readTree(json);
        assertThat(result.path("is_error").asBoolean(true)).as(json).isFalse();
        assertThat(result.path("num_turns").asInt()).as(json).isEqualTo(2);
        assertThat(result.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(this.emulator.requests().all().stream().filter(r -> r.rawPath().endsWith("/invoke-with-response-stream"))
            .map(r -> r.bodyText()))
            .anyMatch(body -> body.contains("\"tool_result\""));
    }

    @Test
    void claudeCodeInBedrockModeCompletesAnAgentTurnWithATool() throws Exception {
        installClaudeCode();
        Path home = Files.createTempDirectory("claude-code-home");
        Path work = Files.createTempDirectory("claude-code-work");
        Map<String, String> env = Map.of("HOME", home.toString(), "CLAUDE_CODE_USE_BEDROCK", "1",
                "ANTHROPIC_BEDROCK_BASE_URL", "http://127.0.0.1:" + this.port, "AWS_BEARER_TOKEN_BEDROCK",
                "any-key-of-an-open-gateway", "AWS_REGION", "us-east-1", "DISABLE_TELEMETRY", "1",
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1", "DISABLE_AUTOUPDATER", "1");

        NodeScripts.Run claude = claude(work, env);

        assertThat(claude.exitCode()).as(claude.output()).isZero();
        String json = claude.output().substring(claude.output().indexOf('{'));
        JsonNode result = JsonMapper.builder().build().readTree(json);
        assertThat(result.path("is_error").asBoolean(true)).as(json).isFalse();
        assertThat(result.path("num_turns").asInt()).as(json).isEqualTo(2);
        assertThat(this.emulator.requests().all().stream()
            .filter(r -> r.rawPath().endsWith("/invoke-with-response-stream"))
            .map(r -> r.bodyText()))
            .anyMatch(body -> body.contains("\"tool_result\"") && body.contains("bedrock-2023-05-31"));
    }

    private static void installClaudeCode() throws IOException, InterruptedException {
        NodeScripts.install(DIR, ".bin/claude", 600);
    }

    private static NodeScripts.Run claude(Path work, Map<String, String> env) throws IOException, InterruptedException {
        return NodeScripts.run(work, env, 240, DIR.toAbsolutePath().resolve("node_modules/.bin/claude").toString(),
                "-p", "Use the Read tool on the README", "--allowedTools", "Read", "--max-turns", "4",
                "--output-format", "json");
    }
}
