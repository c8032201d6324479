package dev.fmgateway.usage;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clock the ledger stamps records with and measures idle endpoints by (UTC), the ledger's repository with a
 * timeout on every statement, and connect and socket timeouts on PostgreSQL connections.
 */
@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UsageRepository usageRepository(DataSource dataSource, LedgerProperties properties) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(Math.toIntExact(Math.max(1, properties.queryTimeout().toSeconds())));
        return new UsageRepository(jdbc);
    }

    @Bean
    static PostgresTimeouts postgresTimeouts(Environment environment) {
        return new PostgresTimeouts(environment);
    }
}
