import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The load generator's ceiling: an HTTP server on 127.0.0.1 that does nothing but wait the given latency and
 * answer a small JSON body (the same JDK HttpServer, one virtual thread per exchange, as the emulator).
 * load.sh runs the same wrk script against it as against the gateway; what this reaches is what wrk, the
 * loopback and the machine allow with that latency.
 *
 * <pre>java bench/Baseline.java LATENCY_MS</pre> prints {@code port=N} once listening; stop it with a signal.
 */
public class Baseline {

    private static final byte[] BODY = ("{\"id\":\"baseline\",\"output\":\"hello hello hello hello hello.\","
            + "\"usage\":{\"inputTokens\":1,\"outputTokens\":6}}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        long latencyMs = Long.parseLong(args[0]);
        // The JDK server closes a connection that goes idle while 200 others are idle; keep all of wrk's.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                if (latencyMs > 0) {
                    Thread.sleep(latencyMs);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                exchange.getResponseBody().write(BODY);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        System.out.println("port=" + server.getAddress().getPort());
        System.out.flush();
    }
}
