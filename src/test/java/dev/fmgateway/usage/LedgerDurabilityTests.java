package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Usage records are money: a database outage of any length, an {@link Error} in the writer, a stop with records
 * still waiting, a record arriving after the stop and a {@code kill -9} of the gateway lose none of them.
 */
class LedgerDurabilityTests {

    @TempDir
    Path journal;

    final List<UsageLedger> started = new ArrayList<>();

    @AfterEach
    void stopLedgers() {
        this.started.forEach(UsageLedger::stop);
    }

    @Test
    void aDatabaseOutageLongerThanTheRetriesLosesNothing() throws Exception {
        long outageEnds = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        Capture db = new Capture(() -> {
            if (System.nanoTime() < outageEnds) {
                throw new DataAccessResourceFailureException("connection refused");
            }
        });
        UsageLedger ledger = start(db);

        for (int i = 0; i < 20; i++) {
            ledger.record(UsageLedgerTests.record(i));
        }

        assertThat(ledger.awaitWritten(Duration.ofSeconds(15))).isTrue();
        assertThat(db.requestIds()).containsExactlyElementsOf(requestIds(0, 20));
    }

    @Test
    void anErrorDoesNotKillTheWriter() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        Capture db = new Capture(() -> {
            if (thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("simulated");
            }
        });
        UsageLedger ledger = start(db);

        ledger.record(UsageLedgerTests.record(0));
        Thread.sleep(300);
        ledger.record(UsageLedgerTests.record(1));

        assertThat(ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(thrown).isTrue();
        assertThat(db.requestIds()).containsExactly("req-0", "req-1");
    }

    @Test
    void recordsNotWrittenByTheStopAreWrittenInOrderAtTheNextStart() throws Exception {
        UsageLedger down = start(new Capture(() -> {
            throw new DataAccessResourceFailureException("connection refused");
        }));
        for (int i = 0; i < 10; i++) {
            down.record(UsageLedgerTests.record(i));
        }
        down.stop();

        Capture db = new Capture(() -> {
        });
        UsageLedger next = start(db);

        assertThat(next.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(db.requestIds()).containsExactlyElementsOf(requestIds(0, 10));
    }

    @Test
    void aRecordArrivingAfterTheStopIsKeptForTheNextStart() throws Exception {
        UsageLedger first = start(new Capture(() -> {
        }));
        first.stop();

        first.record(UsageLedgerTests.record(7));

        Capture db = new Capture(() -> {
        });
        UsageLedger next = start(db);
        assertThat(next.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(db.requestIds()).containsExactly("req-7");
    }

    @Test
    void aRecordedRequestSurvivesKillMinus9() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledGateway.class.getName(), this.journal.toString(), "50")
            .redirectErrorStream(true)
            .start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(KilledGateway.READY)) {
                // the child's log
            }
            assertThat(line).as("the child recorded its requests").isEqualTo(KilledGateway.READY);
        }
        finally {
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Capture db = new Capture(() -> {
        });
        UsageLedger next = start(db);

        assertThat(next.awaitWritten(Duration.ofSeconds(10))).isTrue();
        assertThat(db.requestIds()).containsExactlyElementsOf(requestIds(0, 50));
    }

    private UsageLedger start(UsageRepository repository) {
        UsageLedger ledger = new UsageLedger(repository, properties(this.journal), new SimpleMeterRegistry());
        ledger.start();
        this.started.add(ledger);
        return ledger;
    }

    static LedgerProperties properties(Path journal) {
        Map<String, String> settings = new HashMap<>();
        settings.put("gateway.ledger.journal-directory", journal.toString());
        settings.put("gateway.ledger.retry-backoff", "10ms");
        settings.put("gateway.ledger.shutdown-timeout", "200ms");
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway.ledger",
                Bindable.of(LedgerProperties.class));
    }

    static List<String> requestIds(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("req-" + i);
        }
        return ids;
    }

    /** A database that runs {@code before} on every insert (to fail it) and otherwise keeps what it was given. */
    static class Capture extends UsageRepository {

        final List<UsageRecord> rows = new CopyOnWriteArrayList<>();

        final Runnable before;

        Capture(Runnable before) {
            super(new JdbcTemplate());
            this.before = before;
        }

        @Override
        void insert(List<UsageRecord> records) {
            this.before.run();
            this.rows.addAll(records);
        }

        List<String> requestIds() {
            return this.rows.stream().map(UsageRecord::requestId).distinct().toList();
        }
    }

    /** A gateway whose database hangs: it records requests, says so, and waits to be killed. */
    static final class KilledGateway {

        static final String READY = "recorded";

        public static void main(String[] args) throws Exception {
            UsageLedger ledger = new UsageLedger(new Capture(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }), properties(Path.of(args[0])), new SimpleMeterRegistry());
            ledger.start();
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                ledger.record(UsageLedgerTests.record(i));
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
