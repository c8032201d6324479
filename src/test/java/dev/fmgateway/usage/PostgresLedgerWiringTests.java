package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Statement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.fmgateway.support.IntegrationTest;

/**
 * The whole application on PostgreSQL as an operator configures it ({@code spring.datasource.url=jdbc:postgresql:
 * ...}): Flyway migrates at start-up and the ledger writes through the pool. Runs where
 * {@link PostgresUsageRepositoryTests} runs (which fails in CI without a server).
 */
@EnabledIfEnvironmentVariable(named = PostgresUsageRepositoryTests.URL_VARIABLE, matches = ".+")
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "gateway.mode=aws", "gateway.security.allow-anonymous=true",
                "gateway.ledger.query-timeout=1s" })
class PostgresLedgerWiringTests {

    static final String SCHEMA = "wiring_" + UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresUsageRepositoryTests.URL;
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(new DriverManagerDataSource(PostgresUsageRepositoryTests.URL))
            .execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Autowired
    UsageLedger ledger;

    @Autowired
    UsageRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void migratesAtStartupAndWritesThroughTheLedger() throws Exception {
        assertThat(this.jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(SCHEMA);

        this.ledger.record(UsageRepositoryContract.record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1",
                "0.00000925"));

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();
        List<UsageGroup> groups = this.repository.aggregate(new UsageQuery(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), List.of(UsageDimension.API_KEY), null));
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.costUsd()).isEqualByComparingTo("0.00000925"));
    }

    @Test
    void aStatementTheDatabaseHoldsUpFailsWithinTheQueryTimeout() throws Exception {
        try (Connection locker = new DriverManagerDataSource(PostgresUsageRepositoryTests.URL).getConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE " + SCHEMA + ".usage_record IN ACCESS EXCLUSIVE MODE");

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> this.repository
                .insert(List.of(UsageRepositoryContract.record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1",
                        "0.1"))))
                .isInstanceOf(DataAccessException.class));
            locker.rollback();
        }
    }

    @Test
    void connectionsToPostgresHaveConnectAndSocketTimeouts() {
        HikariDataSource hikari = (HikariDataSource) this.dataSource;

        assertThat(hikari.getDataSourceProperties()).containsKeys("connectTimeout", "socketTimeout");
    }
}
