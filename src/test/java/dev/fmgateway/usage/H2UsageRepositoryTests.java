package dev.fmgateway.usage;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The ledger on the embedded default, H2. */
class H2UsageRepositoryTests extends UsageRepositoryContract {

    @Override
    DataSource freshDataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).load();
    }
}
