package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayIntegrationTest;

/**
 * End to end with the official {@code openai} npm package on this machine's Node.js: {@code src/test/node}
 * (chat, streaming chat, embeddings with the SDK's defaults, images, errors) against the running gateway. Installs
 * the locked package with {@code npm ci} when it is missing. It needs Node.js: without it the test fails, never skips.
 */
class OpenAiSdkTests extends GatewayIntegrationTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/node");

    @Test
    void officialNodeSdkWorksAgainstTheGateway() throws Exception {
        assertThat(available("node")).as("Node.js (node and npm on the PATH) runs the official OpenAI SDK test").isTrue();
        if (!Files.exists(SCRIPT_DIR.resolve("node_modules/openai/package.json"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 240);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", SCRIPT_DIR, install.output()).isZero();
        }

        Run sdk = run(List.of("node", "openai-sdk.test.mjs"), 120);

        assertThat(sdk.exitCode()).as("OpenAI SDK checks:%n%s", sdk.output()).isZero();
        assertThat(sdk.output()).contains("13/13 checks passed");
    }

    private Run run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("openai-sdk", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put("GATEWAY_BASE_URL", "http://127.0.0.1:" + this.port + "/openai/v1");
        Process process = builder.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(finished ? process.exitValue() : -1, finished ? output : output + "\n(timed out after "
                + timeoutSeconds + " s)");
    }

    private static boolean available(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Run(int exitCode, String output) {
    }
}
