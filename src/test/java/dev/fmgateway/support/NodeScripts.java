package dev.fmgateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official client SDKs' Node.js test scripts (one folder each under {@code src/test/node*}, with a locked
 * {@code package-lock.json}) against a running gateway. Without Node.js a test fails, never skips.
 */
public final class NodeScripts {

    private NodeScripts() {
    }

    /**
     * Fails unless {@code node} runs, then installs the folder's locked packages with {@code npm ci} when
     * {@code installed} (a file under {@code node_modules}) is missing or the lock file changed since the last
     * install.
     */
    public static void install(Path dir, String installed, long timeoutSeconds) throws IOException, InterruptedException {
        assertThat(available("node")).as("Node.js (node and npm on the PATH) runs the SDK tests in %s", dir).isTrue();
        if (!Files.exists(dir.resolve("node_modules").resolve(installed)) || lockChanged(dir)) {
            Run install = run(dir, Map.of(), timeoutSeconds, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", dir, install.output()).isZero();
        }
    }

    /**
     * Runs {@code command} in {@code dir} with stdin closed, the caller's environment without any {@code AWS_}
     * variable, plus {@code environment}; the output is stdout and stderr together.
     */
    public static Run run(Path dir, Map<String, String> environment, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-script", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(finished ? process.exitValue() : -1,
                finished ? output : output + "\n(timed out after " + timeoutSeconds + " s)");
    }

    /** Whether {@code package-lock.json} is newer than the copy npm keeps of it in {@code node_modules}. */
    private static boolean lockChanged(Path dir) throws IOException {
        Path installedLock = dir.resolve("node_modules/.package-lock.json");
        return !Files.exists(installedLock) || Files.getLastModifiedTime(dir.resolve("package-lock.json"))
            .compareTo(Files.getLastModifiedTime(installedLock)) > 0;
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

    /** How a script ended: its exit code (-1 when it timed out) and its output. */
    public record Run(int exitCode, String output) {
    }
}
