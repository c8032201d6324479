package dev.fmgateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.NodeScripts;

/**
 * End to end with the official {@code @anthropic-ai/sdk} npm package on this machine's Node.js:
 * {@code src/test/node-anthropic} (plain message, the stream helper's final message, a tool-use loop plain and
 * streamed, count_tokens, paged models, typed errors) against the running gateway. Installs the locked package with
 * {@code npm ci} when it is missing. It needs Node.js: without it the test fails, never skips.
 */
class AnthropicSdkTests extends GatewayIntegrationTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/node-anthropic");

    @Test
    void officialAnthropicSdkWorksAgainstTheGateway() throws Exception {
        NodeScripts.install(SCRIPT_DIR, "@anthropic-ai/sdk/package.json", 240);

        NodeScripts.Run sdk = NodeScripts.run(SCRIPT_DIR,
                Map.of("GATEWAY_BASE_URL", "http://127.0.0.1:" + this.port + "/anthropic"), 120, "node",
                "anthropic-sdk.test.mjs");

        assertThat(sdk.exitCode()).as("Anthropic SDK checks:%n%s", sdk.output()).isZero();
        assertThat(sdk.output()).contains("6/6 checks passed");
    }
}
