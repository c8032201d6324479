package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fmgateway.catalog.Backend;

/**
 * What the ledger's migrations and SQL must do on every supported database: the same tests run on H2 and on a
 * real PostgreSQL server. Each run starts from an empty schema migrated by Flyway.
 */
abstract class UsageRepositoryContract {

    UsageRepository repository;

    JdbcTemplate jdbc;

    /** A data source on a fresh, empty schema. */
    abstract DataSource freshDataSource();

    /** Flyway for that data source. */
    abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDataSource();
        assertThat(flyway(dataSource).migrate().success).isTrue();
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = new UsageRepository(this.jdbc);
    }

    @Test
    void writesBatchesAndKeepsCostsExactToFifteenDecimals() {
        List<UsageRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.000000000000001"));
        }

        this.repository.insert(records);

        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM usage_record", Long.class)).isEqualTo(1000);
        UsageGroup total = only(query(UsageDimension.MODEL, null));
        assertThat(total.requests()).isEqualTo(1000);
        assertThat(total.costUsd()).isEqualByComparingTo("0.000000000001");
        assertThat(total.inputTokens()).isEqualTo(12000);
    }

    @Test
    void aRecordWrittenAgainIsSkippedAndEveryRecordOfOneRequestIsKept() {
        UsageRecord first = record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.5");
        UsageRecord second = record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.25");
        this.repository.insert(List.of(first, second));

        this.repository.insert(List.of(second, first, second));
        // A replayed batch holding records already there and a new one: the new one is written, once.
        UsageRecord third = record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.125");
        this.repository.insert(List.of(first, third, second));

        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM usage_record WHERE request_id = 'req'", Long.class))
            .isEqualTo(3);
        assertThat(only(query(UsageDimension.MODEL, null)).costUsd()).isEqualByComparingTo("0.875");
        assertThat(this.repository.reachable()).isTrue();
    }

    @Test
    void aggregatesByModelKeyRegionAndUtcDay() {
        this.repository.insert(List.of(record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.00000925"),
                record("2026-11-01T23:59:59Z", "key-a", "claude", "us-west-2", "0.00000925"),
                record("2026-11-02T00:00:01Z", "key-b", "titan", "us-east-1", "0.0000032"),
                failed("2026-11-02T08:00:00Z", "key-b", "titan"),
                record("2026-11-03T00:00:00Z", "key-b", "titan", "us-east-1", "1")));

        List<UsageGroup> byModel = query(UsageDimension.MODEL, null);
        List<UsageGroup> byDay = query(UsageDimension.DAY, null);
        List<UsageGroup> byKeyAndRegion = this.repository.aggregate(new UsageQuery(from(), to(),
                List.of(UsageDimension.API_KEY, UsageDimension.REGION), null));

        assertThat(byModel).extracting(UsageGroup::model).containsExactly("claude", "titan");
        assertThat(byModel.get(0).costUsd()).isEqualByComparingTo("0.0000185");
        assertThat(byModel.get(1).requests()).isEqualTo(2);
        assertThat(byModel.get(1).failedRequests()).isEqualTo(1);
        assertThat(byModel.get(1).costUsd()).isEqualByComparingTo("0.0000032");
        assertThat(byModel.get(0).apiKey()).isNull();
        assertThat(byDay).extracting(UsageGroup::day)
            .containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
        assertThat(byDay).extracting(UsageGroup::requests).containsExactly(2L, 2L);
        assertThat(byKeyAndRegion).extracting(g -> g.apiKey() + "@" + g.region())
            .containsExactly("key-a@us-east-1", "key-a@us-west-2", "key-b@us-east-1");
    }

    @Test
    void limitsToOneKeyWhenAsked() {
        this.repository.insert(List.of(record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.5"),
                record("2026-11-01T11:00:00Z", "key-b", "claude", "us-east-1", "0.25")));

        UsageGroup mine = only(query(UsageDimension.MODEL, "key-b"));

        assertThat(mine.requests()).isEqualTo(1);
        assertThat(mine.costUsd()).isEqualByComparingTo("0.25");
    }

    @Test
    void countsSageMakerEndpointCallsAndTheirLastCall() {
        this.repository.insert(List.of(endpointCall("2026-11-01T10:00:00Z", "sam"),
                endpointCall("2026-11-01T12:00:00Z", "sam"), endpointCall("2026-11-05T12:00:00Z", "sam"),
                endpointCall("2026-11-01T13:00:00Z", "sdxl"),
                record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.1")));

        assertThat(this.repository.endpointCalls(from(), to())).isEqualTo(Map.of("sam", 2L, "sdxl", 1L));
        assertThat(this.repository.endpointLastCalls()).isEqualTo(
                Map.of("sam", Instant.parse("2026-11-05T12:00:00Z"), "sdxl", Instant.parse("2026-11-01T13:00:00Z")));
    }

    private List<UsageGroup> query(UsageDimension dimension, String apiKey) {
        return this.repository.aggregate(new UsageQuery(from(), to(), List.of(dimension), apiKey));
    }

    private static Instant from() {
        return Instant.parse("2026-11-01T00:00:00Z");
    }

    private static Instant to() {
        return Instant.parse("2026-11-03T00:00:00Z");
    }

    @Test
    void sumsCacheAndReasoningTokensPerGroup() {
        UsageRecord plain = record("2026-11-01T10:00:00Z", "key-a", "claude", "us-east-1", "0.1");
        UsageRecord cached = new UsageRecord(UUID.randomUUID().toString(), plain.occurredAt(), "req", "key-a", null,
                "claude", Backend.BEDROCK, "us-east-1", "claude-v1", new UsageCounts("tokens", 3, 40, 0, 1100, 200, 25),
                new BigDecimal("0.2"), false, 40, "ok", 200);

        this.repository.insert(List.of(plain, cached));

        UsageGroup claude = only(query(UsageDimension.MODEL, null));
        assertThat(claude.inputTokens()).isEqualTo(15);
        assertThat(claude.outputTokens()).isEqualTo(45);
        assertThat(claude.cacheReadTokens()).isEqualTo(1100);
        assertThat(claude.cacheWriteTokens()).isEqualTo(200);
        assertThat(claude.reasoningTokens()).isEqualTo(25);
    }

    private static UsageGroup only(List<UsageGroup> groups) {
        assertThat(groups).hasSize(1);
        return groups.getFirst();
    }

    static UsageRecord record(String at, String key, String model, String region, String cost) {
        return new UsageRecord(UUID.randomUUID().toString(), Instant.parse(at), "req", key, "team", model, Backend.BEDROCK, region, model + "-v1",
                new UsageCounts("tokens", 12, 5, 0), new BigDecimal(cost), false, 40, "ok", 200);
    }

    static UsageRecord failed(String at, String key, String model) {
        return new UsageRecord(UUID.randomUUID().toString(), Instant.parse(at), "req", key, null, model, Backend.BEDROCK, "us-east-1", model + "-v1",
                UsageCounts.NONE, BigDecimal.ZERO, false, 40, "UPSTREAM_THROTTLED", 429);
    }

    static UsageRecord endpointCall(String at, String endpoint) {
        return new UsageRecord(UUID.randomUUID().toString(), Instant.parse(at), "req", "key-a", null, endpoint + "-model", Backend.SAGEMAKER,
                "us-east-1", endpoint, new UsageCounts("images", 0, 0, 1), BigDecimal.ZERO, false, 900, "ok", 200);
    }
}
