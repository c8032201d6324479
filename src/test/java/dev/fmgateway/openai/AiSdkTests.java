package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.NodeScripts;

/**
 * End to end with an agent framework from npm, unmodified: the Vercel AI SDK ({@code ai} with {@code @ai-sdk/openai},
 * whose {@code openai(model)} calls the Responses API) in {@code src/test/node-ai-sdk}: plain text, a multi-step
 * tool loop, structured output with a zod schema (both ways the SDK offers), and a streamed tool loop, against the
 * running gateway. Installs the locked packages with {@code npm ci} when they are missing. It needs Node.js:
 * without it the test fails, never skips.
 */
class AiSdkTests extends GatewayIntegrationTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/node-ai-sdk");

    @Test
    void vercelAiSdkWorksAgainstTheGateway() throws Exception {
        NodeScripts.install(SCRIPT_DIR, "@ai-sdk/openai/package.json", 240);

        NodeScripts.Run sdk = NodeScripts.run(SCRIPT_DIR,
                Map.of("GATEWAY_BASE_URL", "http://127.0.0.1:" + this.port + "/openai/v1"), 120, "node",
                "ai-sdk.test.mjs");

        assertThat(sdk.exitCode()).as("Vercel AI SDK checks:%n%s", sdk.output()).isZero();
        assertThat(sdk.output()).contains("6/6 checks passed");
    }
}
