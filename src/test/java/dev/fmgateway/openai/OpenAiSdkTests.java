package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.NodeScripts;

/**
 * End to end with the official {@code openai} npm package on this machine's Node.js: {@code src/test/node} (chat,
 * streaming, tools, structured output, images, the Responses API, embeddings, errors) against the running gateway.
 * Installs the locked package with {@code npm ci} when it is missing. It needs Node.js: without it the test fails,
 * never skips.
 */
class OpenAiSdkTests extends GatewayIntegrationTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/node");

    @Test
    void officialNodeSdkWorksAgainstTheGateway() throws Exception {
        NodeScripts.install(SCRIPT_DIR, "openai/package.json", 240);

        NodeScripts.Run sdk = NodeScripts.run(SCRIPT_DIR,
                Map.of("GATEWAY_BASE_URL", "http://127.0.0.1:" + this.port + "/openai/v1"), 120, "node",
                "openai-sdk.test.mjs");

        assertThat(sdk.exitCode()).as("OpenAI SDK checks:%n%s", sdk.output()).isZero();
        assertThat(sdk.output()).contains("14/14 checks passed");
    }
}
