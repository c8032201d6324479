package dev.fmgateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * Redis for the limits' tests. {@link #url()}: the server {@code .ci/run} starts and names in
 * {@code FMGW_TEST_REDIS_URL}; there the tests must run (they fail under {@code CI=true} without it), elsewhere they
 * are skipped. {@link Own}: a redis-server of the test's own on a free port, which the test may stop.
 */
final class TestRedis {

    static final String URL_VARIABLE = "FMGW_TEST_REDIS_URL";

    private TestRedis() {
    }

    static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            assertThat(System.getenv("CI")).as("CI must provide Redis in " + URL_VARIABLE).isNotEqualTo("true");
            Assumptions.abort(URL_VARIABLE + " is not set: no Redis server to test against");
        }
        return url;
    }

    /** Waits until the store's background connection is made. */
    static void awaitConnected(RedisLimitStore store) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!store.connected()) {
            assertThat(System.nanoTime()).as("connected to Redis").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A key prefix no other test run uses. */
    static String prefix() {
        return "fmgw:test:" + UUID.randomUUID() + ":";
    }

    /** A redis-server of the test's own (the binary .ci/redis.sh installs), stopped by {@link #close()}. */
    static final class Own implements AutoCloseable {

        final int port;

        private final Process process;

        private final Path dir;

        Own() throws IOException, InterruptedException {
            url();
            try (ServerSocket socket = new ServerSocket(0)) {
                this.port = socket.getLocalPort();
            }
            this.dir = Files.createTempDirectory("fmgw-own-redis");
            this.process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port",
                    Integer.toString(this.port), "--save", "", "--appendonly", "no", "--dir", this.dir.toString())
                .redirectErrorStream(true).redirectOutput(this.dir.resolve("redis.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!answers()) {
                assertThat(System.nanoTime()).as("redis-server on port " + this.port + " started").isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        String url() {
            return "redis://127.0.0.1:" + this.port;
        }

        private boolean answers() {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
                return true;
            }
            catch (IOException ex) {
                return false;
            }
        }

        /** Stops the server at once. */
        void stop() throws InterruptedException {
            this.process.destroyForcibly();
            this.process.waitFor();
        }

        @Override
        public void close() throws Exception {
            stop();
            try (var files = Files.list(this.dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(this.dir);
        }
    }
}
