package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ResponseStore} on H2 with the V4 migration: a key reads only its own rows until they expire, the sweep
 * deletes expired rows, and a response too large or a failed write is answered unstored and counted, never thrown.
 */
class ResponseStoreTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcTemplate jdbc;

    private ResponseStore store;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:response-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V4__openai_responses.sql")));
        Clock clock = new Clock() {

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ResponseStoreTests.this.now;
            }
        };
        this.store = new ResponseStore(dataSource, new ResponseStoreProperties(Duration.ofHours(1),
                DataSize.ofBytes(200), Duration.ofSeconds(2), Duration.ofHours(1)), JSON, clock, this.meters);
    }

    @AfterEach
    void close() {
        this.store.destroy();
    }

    private static List<JsonNode> items(String text) {
        return List.of(JSON.readTree("{\"role\":\"user\",\"content\":\"" + text + "\"}"));
    }

    @Test
    void aKeyReadsItsOwnResponseUntilItExpiresThenTheSweepDeletesIt() {
        assertThat(this.store.save("resp_1", "alpha", "m", items("hi"))).isTrue();

        assertThat(this.store.conversation("resp_1", "alpha")).contains(items("hi"));
        assertThat(this.store.conversation("resp_1", "beta")).isEmpty();
        this.now = this.now.plus(Duration.ofMinutes(59));
        assertThat(this.store.sweep()).isZero();
        this.now = this.now.plus(Duration.ofMinutes(1));
        assertThat(this.store.conversation("resp_1", "alpha")).isEmpty();
        assertThat(this.store.sweep()).isOne();
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM openai_response", Integer.class)).isZero();
        assertThat(this.meters.counter("gateway.openai.responses.store", "outcome", "stored").count()).isOne();
    }

    @Test
    void aResponseOverTheSizeLimitOrAFailedWriteIsNotStoredAndIsCounted() {
        assertThat(this.store.save("resp_big", "alpha", "m", items("x".repeat(300)))).isFalse();
        assertThat(this.meters.counter("gateway.openai.responses.store", "outcome", "too_large").count()).isOne();

        this.jdbc.execute("DROP TABLE openai_response");
        assertThat(this.store.save("resp_2", "alpha", "m", items("hi"))).isFalse();
        assertThat(this.meters.counter("gateway.openai.responses.store", "outcome", "failed").count()).isOne();
    }
}
