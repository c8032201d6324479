package dev.fmgateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.fmgateway.support.GatewayIntegrationTest;

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

        Run claude = run(List.of(DIR.toAbsolutePath().resolve("node_modules/.bin/claude").toString(), "-p",
                "Use the Read tool on the README", "--allowedTools", "Read", "--max-turns", "4", "--output-format",
                "json"), work, env, 240);

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

        Run claude = run(List.of(DIR.toAbsolutePath().resolve("node_modules/.bin/claude").toString(), "-p",
                "Use the Read tool on the README", "--allowedTools", "Read", "--max-turns", "4", "--output-format",
                "json"), work, env, 240);

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
        if (!Files.exists(DIR.resolve("node_modules/.bin/claude"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), DIR, Map.of(), 600);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", DIR, install.output()).isZero();
        }
    }

    private static Run run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("claude-code", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(finished ? process.exitValue() : -1, finished ? output : output + "\n(timed out)");
    }

    private record Run(int exitCode, String output) {
    }
}
