package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import dev.fmgateway.catalog.Backend;

/** The ledger's buffering: never blocks the caller, counts what it drops or loses, writes everything on stop. */
class UsageLedgerTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final UsageRepository repository = mock(UsageRepository.class);

    final List<UsageRecord> written = new CopyOnWriteArrayList<>();

    UsageLedger ledger;

    @AfterEach
    void stopLedger() {
        if (this.ledger != null) {
            this.ledger.stop();
        }
    }

    @Test
    void writesEveryRecordInBatches() throws Exception {
        captureWrites();
        this.ledger = start(100, 4, 3);

        for (int i = 0; i < 10; i++) {
            assertThat(this.ledger.record(record(i))).isTrue();
        }

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(this.written).hasSize(10);
        assertThat(this.meters.counter("gateway.ledger.written").count()).isEqualTo(10);
    }

    @Test
    void aFullQueueDropsWithoutBlockingAndCountsTheDrops() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            writing.countDown();
            release.await(5, TimeUnit.SECONDS);
            return null;
        }).when(this.repository).insert(anyList());
        this.ledger = start(2, 1, 1);
        this.ledger.record(record(0));
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        boolean[] accepted = { this.ledger.record(record(1)), this.ledger.record(record(2)),
                this.ledger.record(record(3)), this.ledger.record(record(4)) };
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(accepted).containsExactly(true, true, false, false);
        assertThat(tookMs).isLessThan(500);
        assertThat(this.meters.counter("gateway.ledger.dropped").count()).isEqualTo(2);
        assertThat(this.meters.get("gateway.ledger.queue.depth").gauge().value()).isEqualTo(2);
        release.countDown();
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aDatabaseOutageIsRetriedThenCountedAsFailures() throws Exception {
        doThrow(new DataAccessResourceFailureException("connection refused")).when(this.repository)
            .insert(anyList());
        this.ledger = start(100, 10, 3);

        this.ledger.record(record(0));
        this.ledger.record(record(1));

        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(5))).isTrue();
        assertThat(this.meters.counter("gateway.ledger.failures").count()).isEqualTo(2);
        assertThat(this.meters.counter("gateway.ledger.written").count()).isZero();
        // each batch (one or two, depending on timing) was tried exactly three times
        assertThat(mockingDetails(this.repository).getInvocations().size()).isIn(3, 6);
    }

    @Test
    void stopWritesOutTheQueueBeforeReturning() {
        doAnswer(invocation -> {
            Thread.sleep(20);
            this.written.addAll(invocation.getArgument(0));
            return null;
        }).when(this.repository).insert(anyList());
        this.ledger = start(1000, 5, 1);
        for (int i = 0; i < 50; i++) {
            this.ledger.record(record(i));
        }

        this.ledger.stop();

        assertThat(this.written).hasSize(50);
        assertThat(this.ledger.record(record(51))).isFalse();
        assertThat(this.meters.counter("gateway.ledger.dropped").count()).isEqualTo(1);
    }

    private void captureWrites() {
        doAnswer(invocation -> {
            List<UsageRecord> batch = invocation.getArgument(0);
            assertThat(batch).hasSizeLessThanOrEqualTo(4);
            this.written.addAll(batch);
            return null;
        }).when(this.repository).insert(anyList());
    }

    private UsageLedger start(int capacity, int batchSize, int maxAttempts) {
        UsageLedger started = new UsageLedger(this.repository,
                new LedgerProperties(capacity, batchSize, maxAttempts, Duration.ofMillis(1), Duration.ofSeconds(10)),
                this.meters);
        started.start();
        return started;
    }

    static UsageRecord record(int i) {
        return new UsageRecord(Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i), "req-" + i, "key-a", null,
                "claude-3-haiku", Backend.BEDROCK, "us-east-1", "anthropic.claude-3-haiku-20240307-v1:0",
                new UsageCounts("tokens", 10, 5, 0), new BigDecimal("0.00001"), false, 42, "ok", 200);
    }
}
