package dev.fmgateway.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The emulator: a JDK {@link HttpServer} (HTTP/1.1, one virtual thread per exchange) speaking the Bedrock
 * Runtime and SageMaker Runtime wire protocols on one port. Point an SDK client's
 * {@code endpointOverride} (or the AWS CLI's {@code --endpoint-url}) at {@link #endpoint()} and sign with
 * the settings' credentials.
 */
public final class EmulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults = new Faults();
    private final RecordedRequests requests = new RecordedRequests();
    private final SamSessions samSessions = new SamSessions();
    private final EmulatorSettings settings;

    private EmulatorServer(EmulatorSettings settings, Clock clock) throws IOException {
        this.settings = settings;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", new EmulatorHandler(settings, faults, requests, samSessions, clock));
    }

    public static EmulatorServer start(EmulatorSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** Starts with a given clock (only used to check the X-Amz-Date skew). */
    public static EmulatorServer start(EmulatorSettings settings, Clock clock) {
        try {
            EmulatorServer emulator = new EmulatorServer(settings, clock);
            emulator.server.start();
            return emulator;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start the emulator on " + settings.host() + ":" + settings.port(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + hostForUri() + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public Faults faults() {
        return faults;
    }

    public RecordedRequests requests() {
        return requests;
    }

    /** The SAM 2.1 container's sessions, for tests that check every session was closed. */
    public SamSessions samSessions() {
        return samSessions;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private String hostForUri() {
        String host = server.getAddress().getAddress().getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
