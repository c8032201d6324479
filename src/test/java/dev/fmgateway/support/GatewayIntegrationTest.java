package dev.fmgateway.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import dev.fmgateway.emulator.EmulatorServer;

/**
 * Base of the tests that drive the gateway over real HTTP in its default mode: the built-in emulator behind the
 * real SDK clients. Every subclass shares one Spring context (same configuration), so keep it that way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected EmulatorServer emulator;

    protected GatewayHttp http;

    @BeforeEach
    void connect() {
        this.http = new GatewayHttp(this.port);
        this.emulator.faults().clear();
        this.emulator.requests().clear();
    }
}
