package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fmgateway.catalog.Backend;

/**
 * The ledger table: idempotent batch inserts (a record whose id is already there is skipped) and the aggregations
 * behind the usage routes, in SQL that runs unchanged on H2 and PostgreSQL. Group-by columns come from
 * {@link UsageDimension}, never from request text. Statement timeouts are the template's
 * ({@link UsageConfiguration}).
 */
class UsageRepository {

    private static final String COLUMNS = """
            record_id, occurred_at, occurred_day, request_id, api_key, team, model, backend, region, upstream_id,
            usage_kind, input_tokens, output_tokens, images, cost_usd, estimated, latency_ms, outcome, status,
            cache_read_tokens, cache_write_tokens, reasoning_tokens""";

    private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private static final String INSERT = "INSERT INTO usage_record (" + COLUMNS + ") VALUES (" + VALUES + ")";

    /** The same, skipping a record whose id is already there. */
    private static final String INSERT_IF_ABSENT = "INSERT INTO usage_record (" + COLUMNS + ") SELECT " + VALUES
            + " WHERE NOT EXISTS (SELECT 1 FROM usage_record WHERE record_id = ?)";

    private final JdbcTemplate jdbc;

    UsageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the records, skipping any already there. A plain insert first: the check for an existing id cost
     * more than the insert itself (docs/benchmark.md, "Alternatives"), and a record is only there already when the
     * journal is replayed after a crash; then the batch is inserted again with the check.
     */
    void insert(List<UsageRecord> records) {
        try {
            insert(INSERT, records, false);
        }
        catch (DataIntegrityViolationException ex) {
            insert(INSERT_IF_ABSENT, records, true);
        }
    }

    private void insert(String statement, List<UsageRecord> records, boolean ifAbsent) {
        this.jdbc.batchUpdate(statement, new BatchPreparedStatementSetter() {

            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, records.get(i));
                if (ifAbsent) {
                    ps.setString(23, records.get(i).recordId());
                }
            }

            @Override
            public int getBatchSize() {
                return records.size();
            }
        });
    }

    /** Whether the database answers at all (to tell an outage from a row it refuses). */
    boolean reachable() {
        try {
            return Integer.valueOf(1).equals(this.jdbc.queryForObject("SELECT 1", Integer.class));
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    List<UsageGroup> aggregate(UsageQuery query) {
        String columns = query.groupBy().stream().map(UsageDimension::column).collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(List.of(utc(query.from()), utc(query.to())));
        String keyFilter = "";
        if (query.apiKey() != null) {
            keyFilter = " AND api_key = ?";
            args.add(query.apiKey());
        }
        String sql = "SELECT " + columns + ", COUNT(*) AS requests,"
                + " SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS failed,"
                + " SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,"
                + " SUM(cache_read_tokens) AS cache_read_tokens, SUM(cache_write_tokens) AS cache_write_tokens,"
                + " SUM(reasoning_tokens) AS reasoning_tokens, SUM(images) AS images,"
                + " SUM(cost_usd) AS cost_usd FROM usage_record WHERE occurred_at >= ? AND occurred_at < ?"
                + keyFilter + " GROUP BY " + columns + " ORDER BY " + columns;
        return this.jdbc.query(sql, (rs, row) -> group(rs, query.groupBy()), args.toArray());
    }

    /** The cost recorded in {@code [from, to)} for the rows whose {@code columns} hold {@code values}. */
    BigDecimal spent(List<String> columns, List<String> values, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(List.of(utc(from), utc(to)));
        StringBuilder sql = new StringBuilder(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM usage_record WHERE occurred_at >= ? AND occurred_at < ?");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(" AND ").append(columns.get(i)).append(" = ?");
            args.add(values.get(i));
        }
        BigDecimal spent = this.jdbc.queryForObject(sql.toString(), BigDecimal.class, args.toArray());
        return spent != null ? spent : BigDecimal.ZERO;
    }

    /** Calls per SageMaker endpoint in {@code [from, to)}. */
    Map<String, Long> endpointCalls(Instant from, Instant to) {
        Map<String, Long> calls = new HashMap<>();
        this.jdbc.query("SELECT upstream_id, COUNT(*) FROM usage_record WHERE backend = ? AND occurred_at >= ?"
                + " AND occurred_at < ? GROUP BY upstream_id",
                rs -> {
                    calls.put(rs.getString(1), rs.getLong(2));
                }, Backend.SAGEMAKER.name(), utc(from), utc(to));
        return calls;
    }

    /** The latest call ever recorded per SageMaker endpoint. */
    Map<String, Instant> endpointLastCalls() {
        Map<String, Instant> last = new HashMap<>();
        this.jdbc.query("SELECT upstream_id, MAX(occurred_at) FROM usage_record WHERE backend = ? GROUP BY upstream_id",
                rs -> {
                    last.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }, Backend.SAGEMAKER.name());
        return last;
    }

    private static void bind(PreparedStatement ps, UsageRecord r) throws SQLException {
        OffsetDateTime at = utc(r.occurredAt());
        ps.setString(1, r.recordId());
        ps.setObject(2, at);
        ps.setObject(3, at.toLocalDate());
        ps.setString(4, r.requestId());
        ps.setString(5, r.apiKey());
        if (r.team() != null) {
            ps.setString(6, r.team());
        }
        else {
            ps.setNull(6, Types.VARCHAR);
        }
        ps.setString(7, r.model());
        ps.setString(8, r.backend().name());
        ps.setString(9, r.region());
        ps.setString(10, r.upstreamId());
        ps.setString(11, r.counts().kind());
        ps.setLong(12, r.counts().input());
        ps.setLong(13, r.counts().output());
        ps.setLong(14, r.counts().images());
        ps.setBigDecimal(15, Money.stored(r.costUsd()));
        ps.setBoolean(16, r.estimated());
        ps.setLong(17, r.latencyMs());
        ps.setString(18, r.outcome());
        ps.setInt(19, r.status());
        ps.setLong(20, r.counts().cacheRead());
        ps.setLong(21, r.counts().cacheWrite());
        ps.setLong(22, r.counts().reasoning());
    }

    private static UsageGroup group(ResultSet rs, List<UsageDimension> groupBy) throws SQLException {
        return new UsageGroup(text(rs, groupBy, UsageDimension.MODEL), text(rs, groupBy, UsageDimension.API_KEY),
                text(rs, groupBy, UsageDimension.REGION),
                groupBy.contains(UsageDimension.DAY) ? rs.getObject("occurred_day", LocalDate.class) : null,
                rs.getLong("requests"), rs.getLong("failed"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getLong("cache_read_tokens"), rs.getLong("cache_write_tokens"), rs.getLong("reasoning_tokens"),
                rs.getLong("images"), Money.plain(rs.getBigDecimal("cost_usd")));
    }

    private static @Nullable String text(ResultSet rs, List<UsageDimension> groupBy, UsageDimension dimension)
            throws SQLException {
        return groupBy.contains(dimension) ? rs.getString(dimension.column()) : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
