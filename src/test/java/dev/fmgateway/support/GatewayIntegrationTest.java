package dev.fmgateway.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.fmgateway.emulator.EmulatorServer;

/**
 * Base of the tests that drive the gateway over real HTTP in its default mode: the built-in emulator behind the
 * real SDK clients. Every subclass shares one Spring context (same configuration), so keep it that way. The
 * operations endpoints are on a random management port ({@link #management}); Swagger UI, off by default, is on.
 * Every subclass is an {@link IntegrationTest}.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "springdoc.swagger-ui.enabled=true")
public abstract class GatewayIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected EmulatorServer emulator;

    protected GatewayHttp http;

    /** The management port: actuator health, metrics and Prometheus. */
    protected GatewayHttp management;

    @BeforeEach
    void connect() {
        this.http = new GatewayHttp(this.port);
        this.management = new GatewayHttp(this.managementPort);
        this.emulator.faults().clear();
        this.emulator.requests().clear();
    }
}
