package dev.fmgateway.usage;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Gives PostgreSQL connections of the pool a connect timeout and a socket timeout
 * ({@code gateway.ledger.connect-timeout}, {@code socket-timeout}), so that a hung server fails a call instead of
 * holding it forever: a statement timeout alone cannot end a call whose server stopped reading. Settings the
 * operator already gave (in the URL or in {@code spring.datasource.hikari.data-source-properties}) win.
 */
class PostgresTimeouts implements BeanPostProcessor {

    private final Environment environment;

    PostgresTimeouts(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            LedgerProperties ledger = Binder.get(this.environment).bindOrCreate("gateway.ledger", LedgerProperties.class);
            set(pool, "connectTimeout", ledger.connectTimeout());
            set(pool, "socketTimeout", ledger.socketTimeout());
        }
        return bean;
    }

    private static void set(HikariDataSource pool, String name, Duration value) {
        if (!pool.getDataSourceProperties().containsKey(name)) {
            pool.addDataSourceProperty(name, String.valueOf(Math.max(1, value.toSeconds())));
        }
    }
}
