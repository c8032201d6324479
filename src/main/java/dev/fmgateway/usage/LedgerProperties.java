package dev.fmgateway.usage;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the usage ledger buffers and writes.
 *
 * @param queueCapacity rows held in memory waiting for the writer; when full, new rows are dropped and counted
 * @param batchSize most rows written in one batch
 * @param maxAttempts tries per batch before its rows are counted as failures
 * @param retryBackoff wait after a failed try, multiplied by the attempt number
 * @param shutdownTimeout longest wait on shutdown for the buffer to be written
 */
@Validated
@ConfigurationProperties("gateway.ledger")
record LedgerProperties(@DefaultValue("10000") @Min(1) int queueCapacity, @DefaultValue("500") @Min(1) int batchSize,
        @DefaultValue("3") @Min(1) int maxAttempts, @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("10s") Duration shutdownTimeout) {
}
