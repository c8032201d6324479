package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Backend;

/**
 * One row of the usage ledger: a model call that was routed to a deployment, successful or not.
 *
 * @param recordId unique id of this record, made by the gateway: the ledger's idempotency key (a request may make
 *        several records, and callers may reuse request ids)
 * @param occurredAt when the call entered the gateway's routing
 * @param requestId the request id the caller saw
 * @param apiKey the configured name of the caller's key ({@code anonymous} without keys), never the key
 * @param team the key's team, if configured
 * @param model catalog id
 * @param backend Bedrock or SageMaker
 * @param region region the call was sent to
 * @param upstreamId Bedrock model or profile id, or SageMaker endpoint name
 * @param counts usage kind and counts (zero for failed calls)
 * @param costUsd metered cost (zero for failed calls)
 * @param estimated whether the usage was estimated
 * @param latencyMs time spent in the invocation chain, retries included
 * @param outcome {@code ok}, or the problem code the caller got
 * @param status HTTP status the caller got
 */
record UsageRecord(String recordId, Instant occurredAt, String requestId, String apiKey, @Nullable String team, String model,
        Backend backend, String region, String upstreamId, UsageCounts counts, BigDecimal costUsd, boolean estimated,
        long latencyMs, String outcome, int status) {

    static final String OK = "ok";
}
