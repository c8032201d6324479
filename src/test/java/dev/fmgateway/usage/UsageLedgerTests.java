package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.usage.LedgerDurabilityTests.Capture;

/** The ledger's journal and writer: batches, what the health endpoint says, a failing disk, a refused row. */
class UsageLedgerTests {

    @TempDir
    Path journal;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    UsageLedger ledger;

    @AfterEach
    void stopLedger() {
        if (this.ledger != null) {
            this.ledger.stop();
        }
    }

    @Test
    void journalsEveryRecordThenWritesItInBatchesAndEmptiesTheJournalOnStop() throws Exception {
        Capture db = new Capture(() -> {
        });
        this.ledger = start(db);

        for (int i = 0; i < 10; i++) {
            assertThat(this.ledger.record(record(i))).isTrue();
        }

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.requestIds()).containsExactlyElementsOf(LedgerDurabilityTests.requestIds(0, 10));
        assertThat(this.meters.counter("gateway.ledger.written").count()).isEqualTo(10);
        assertThat(this.meters.get("gateway.ledger.journal.bytes").gauge().value()).isPositive();
        this.ledger.stop();
        assertThat(Files.list(this.journal).filter(p -> p.toString().endsWith(".journal"))).isEmpty();
    }

    @Test
    void aDatabaseOutageShowsAsDegradedWithTheBacklogAndTheError() throws Exception {
        Capture db = new Capture(() -> {
            throw new DataAccessResourceFailureException("connection refused");
        });
        this.ledger = start(db);

        this.ledger.record(record(0));
        this.ledger.record(record(1));
        Thread.sleep(200);

        Health health = new LedgerHealthIndicator(this.ledger).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "DEGRADED").containsEntry("backlog", 2L);
        assertThat((String) health.getDetails().get("lastError")).contains("connection refused");
        assertThat(this.meters.get("gateway.ledger.backlog").gauge().value()).isEqualTo(2);
    }

    @Test
    void recordsTheDiskRefusesGoToTheDatabaseFromMemoryAndTheLedgerIsDown() throws Exception {
        Capture db = new Capture(() -> {
        });
        this.ledger = start(db);
        // the next segment's name is taken by a directory: the journal cannot create it
        Files.createDirectory(this.journal.resolve("%020d.journal".formatted(0)));

        assertThat(this.ledger.record(record(0))).isFalse();

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.requestIds()).containsExactly("req-0");
        assertThat(this.meters.counter("gateway.ledger.journal.failures").count()).isEqualTo(1);
        Health health = new LedgerHealthIndicator(this.ledger).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "JOURNAL_FAILING");
    }

    @Test
    void aRowTheDatabaseRefusesWhileItAnswersIsSetAsideAndTheRestIsWritten() throws Exception {
        Capture db = new Capture(() -> {
        }) {
            @Override
            void insert(List<UsageRecord> records) {
                if (records.stream().anyMatch(r -> r.requestId().equals("req-1"))) {
                    throw new DataIntegrityViolationException("value too long");
                }
                super.insert(records);
            }

            @Override
            boolean reachable() {
                return true;
            }
        };
        this.ledger = start(db);

        for (int i = 0; i < 3; i++) {
            this.ledger.record(record(i));
        }

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.requestIds()).containsExactly("req-0", "req-2");
        assertThat(this.meters.counter("gateway.ledger.rejected").count()).isEqualTo(1);
        assertThat(Files.readString(this.journal.resolve(UsageJournal.REJECTED))).contains("\"requestId\":\"req-1\"");
    }

    @Test
    void aLineThatFailsItsChecksumAndATornLastLineAreSkipped() throws Exception {
        UsageLedger down = start(new Capture(() -> {
            throw new DataAccessResourceFailureException("connection refused");
        }));
        down.record(record(0));
        down.record(record(1));
        down.stop();
        Path segment;
        try (var files = Files.list(this.journal)) {
            segment = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(segment);
        Files.writeString(segment, lines.get(0).replace("req-0", "req-X") + "\n" + lines.get(1) + "\n"
                + lines.get(1).substring(0, 40));

        Capture db = new Capture(() -> {
        });
        this.ledger = start(db);

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.requestIds()).containsExactly("req-1");
    }

    @Test
    void aJournalLineWrittenBeforeCacheAndReasoningCountsExistedIsReplayedWithThemZero() throws Exception {
        String json = """
                {"recordId":"rec-old","occurredAt":"2026-11-29T10:00:00Z","requestId":"req-old","apiKey":"key-a",\
                "team":null,"model":"claude-3-haiku","backend":"BEDROCK","region":"us-east-1",\
                "upstreamId":"anthropic.claude-3-haiku-20240307-v1:0",\
                "counts":{"kind":"tokens","input":1210,"output":5,"images":0},"costUsd":0.00001,"estimated":false,\
                "latencyMs":42,"outcome":"ok","status":200}""";
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        Files.writeString(this.journal.resolve("%020d.journal".formatted(7)),
                HexFormat.of().toHexDigits((int) crc.getValue()) + " " + json + "\n");
        Capture db = new Capture(() -> {
        });

        this.ledger = start(db);

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.rows).singleElement().satisfies(row -> {
            assertThat(row.requestId()).isEqualTo("req-old");
            assertThat(row.counts()).isEqualTo(new UsageCounts("tokens", 1210, 5, 0, 0, 0, 0));
        });
    }

    @Test
    void cacheAndReasoningCountsGoThroughTheJournal() throws Exception {
        Capture db = new Capture(() -> {
        });
        this.ledger = start(db);
        UsageRecord record = record(0);
        UsageCounts counts = new UsageCounts("tokens", 10, 50, 0, 1100, 200, 30);

        this.ledger.record(new UsageRecord(record.recordId(), record.occurredAt(), record.requestId(), record.apiKey(),
                null, record.model(), record.backend(), record.region(), record.upstreamId(), counts, record.costUsd(),
                false, 42, "ok", 200));

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(db.rows).singleElement().extracting(UsageRecord::counts).isEqualTo(counts);
    }

    @Test
    void aSecondGatewayCannotShareTheJournal() {
        this.ledger = start(new Capture(() -> {
        }));
        UsageLedger second = new UsageLedger(new Capture(() -> {
        }), LedgerDurabilityTests.properties(this.journal), new SimpleMeterRegistry());

        assertThatThrownBy(second::start).hasMessageContaining("cannot open the journal");
    }

    private UsageLedger start(UsageRepository repository) {
        UsageLedger started = new UsageLedger(repository, LedgerDurabilityTests.properties(this.journal), this.meters);
        started.start();
        return started;
    }

    static UsageRecord record(int i) {
        return new UsageRecord("rec-" + i, Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i), "req-" + i, "key-a",
                null, "claude-3-haiku", Backend.BEDROCK, "us-east-1", "anthropic.claude-3-haiku-20240307-v1:0",
                new UsageCounts("tokens", 10, 5, 0), new BigDecimal("0.00001"), false, 42, "ok", 200);
    }
}
