package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The ledger on a real PostgreSQL server, named by {@code FMGW_TEST_POSTGRES_URL} (a JDBC URL with user and
 * password). {@code .ci/run} starts a throwaway server and sets it; there the test must run, elsewhere it is
 * skipped without one. Each test migrates its own schema and drops it afterwards.
 */
class PostgresUsageRepositoryTests extends UsageRepositoryContract {

    static final String URL_VARIABLE = "FMGW_TEST_POSTGRES_URL";

    static final String URL = System.getenv(URL_VARIABLE);

    String schema;

    @BeforeAll
    static void needsServer() {
        if (URL == null || URL.isBlank()) {
            assertThat(System.getenv("CI")).as("CI must provide PostgreSQL in " + URL_VARIABLE).isNotEqualTo("true");
            Assumptions.abort(URL_VARIABLE + " is not set: no PostgreSQL server to test against");
        }
    }

    @Override
    DataSource freshDataSource() {
        this.schema = "ledger_" + UUID.randomUUID().toString().replace("-", "");
        String separator = URL.contains("?") ? "&" : "?";
        return new DriverManagerDataSource(URL + separator + "currentSchema=" + this.schema);
    }

    @Override
    Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(this.schema).createSchemas(true).load();
    }

    @AfterEach
    void dropSchema() {
        if (this.jdbc != null) {
            assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
            this.jdbc.execute("DROP SCHEMA " + this.schema + " CASCADE");
        }
    }
}
