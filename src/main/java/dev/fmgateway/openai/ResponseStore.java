package dev.fmgateway.openai;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code openai_response} table: a response's conversation, readable only by the API key that created it until
 * it expires. Writes happen on the answer's path but never hold it longer than the write timeout and never fail it:
 * a response that is too large, or whose write fails or is late, is answered unstored, logged (ids and the
 * database's error code, never content) and counted in {@code gateway.openai.responses.store} by outcome. Expired
 * rows are deleted every sweep interval.
 */
@Component
class ResponseStore implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ResponseStore.class);

    private static final String INSERT = "INSERT INTO openai_response (response_id, api_key, model, created_at,"
            + " expires_at, items) VALUES (?, ?, ?, ?, ?, ?)";

    private static final String SELECT = "SELECT items FROM openai_response WHERE response_id = ? AND api_key = ?"
            + " AND expires_at > ?";

    private final JdbcTemplate jdbc;

    private final ResponseStoreProperties properties;

    private final JsonMapper json;

    private final Clock clock;

    private final MeterRegistry meters;

    private final ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();

    private final ScheduledExecutorService sweeper;

    ResponseStore(DataSource dataSource, ResponseStoreProperties properties, JsonMapper json, Clock clock,
            MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(Math.toIntExact(Math.max(1, properties.writeTimeout().toSeconds() * 2)));
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("openai-response-sweep").factory());
        if (properties.enabled()) {
            long every = properties.sweepInterval().toMillis();
            this.sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    boolean enabled() {
        return this.properties.enabled();
    }

    /** The stored conversation of {@code responseId} if {@code apiKey} stored it and it has not expired. */
    Optional<List<JsonNode>> conversation(String responseId, String apiKey) {
        List<String> rows = this.jdbc.queryForList(SELECT, String.class, responseId, apiKey, utc(this.clock.instant()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> items = new java.util.ArrayList<>();
        this.json.readTree(rows.getFirst()).forEach(items::add);
        return Optional.of(items);
    }

    /**
     * Stores the conversation of a response; whether it was stored (false when too large, when the write failed
     * or did not finish within the write timeout).
     */
    boolean save(String responseId, String apiKey, String model, List<JsonNode> items) {
        String body = this.json.writeValueAsString(items);
        if (body.getBytes(StandardCharsets.UTF_8).length > this.properties.maxStoredBytes().toBytes()) {
            count("too_large");
            log.info("Response {} is over gateway.openai.responses.max-stored-bytes ({}); answered but not stored",
                    responseId, this.properties.maxStoredBytes());
            return false;
        }
        Instant now = this.clock.instant();
        Future<?> write = this.writers.submit(() -> this.jdbc.update(INSERT, responseId, apiKey, model, utc(now),
                utc(now.plus(this.properties.storeTtl())), body));
        try {
            write.get(this.properties.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            count("stored");
            return true;
        }
        catch (TimeoutException ex) {
            count("late");
            log.warn("Response {} of key '{}' was not stored within {}; answered with store false", responseId, apiKey,
                    this.properties.writeTimeout());
            return false;
        }
        catch (ExecutionException ex) {
            count("failed");
            log.warn("Response {} of key '{}' could not be stored: {}", responseId, apiKey, describe(ex.getCause()));
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            count("failed");
            return false;
        }
    }

    /** Deletes the expired rows; how many. */
    int sweep() {
        return this.jdbc.update("DELETE FROM openai_response WHERE expires_at <= ?", utc(this.clock.instant()));
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                log.debug("Deleted {} expired stored response(s)", deleted);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Expired stored responses could not be deleted: {}", describe(ex));
        }
    }

    private void count(String outcome) {
        Counter.builder("gateway.openai.responses.store")
            .description("Responses of /openai/v1/responses to be stored, by outcome (stored, too_large, failed, late)")
            .tag("outcome", outcome)
            .register(this.meters)
            .increment();
    }

    /** The exception's class and, for a database error, its SQL state: never a message that could quote data. */
    private static String describe(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getClass().getSimpleName() + " (SQL state " + sql.getSQLState() + ", code "
                        + sql.getErrorCode() + ")";
            }
        }
        return ex.getClass().getSimpleName();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void destroy() {
        this.sweeper.shutdownNow();
        this.writers.shutdown();
    }
}
