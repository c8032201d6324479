package dev.fmgateway.usage;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the usage ledger journals records and how it writes them to the database.
 *
 * @param journalDirectory local directory of the append-only journal (one gateway per directory)
 * @param appendTimeout longest time an answer waits for its record to be on disk; past it the answer goes out and
 *        the record is journaled as soon as the disk lets it
 * @param segmentSize journal file size at which a new file is started; written files are deleted once in the database
 * @param queueCapacity records held in memory while the disk is slower than the traffic, and records that could
 *        not be journaled (disk full) waiting for the database; beyond it records are dropped and counted
 * @param batchSize most rows written in one batch
 * @param retryBackoff first wait after a failed write; doubles up to {@code maxBackoff}; writes are retried forever
 * @param maxBackoff longest wait between two tries
 * @param queryTimeout longest time one SQL statement may take
 * @param connectTimeout PostgreSQL: longest time to open a connection
 * @param socketTimeout PostgreSQL: longest wait for the server to answer on an open connection (a hung server)
 * @param shutdownTimeout longest wait on shutdown for the backlog to reach the database (the rest stays journaled)
 */
@Validated
@ConfigurationProperties("gateway.ledger")
record LedgerProperties(@DefaultValue("./data/ledger-journal") Path journalDirectory,
        @DefaultValue("1s") Duration appendTimeout, @DefaultValue("1MB") DataSize segmentSize,
        @DefaultValue("10000") @Min(1) int queueCapacity, @DefaultValue("500") @Min(1) int batchSize,
        @DefaultValue("200ms") Duration retryBackoff, @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("30s") Duration queryTimeout, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration socketTimeout, @DefaultValue("10s") Duration shutdownTimeout) {
}
