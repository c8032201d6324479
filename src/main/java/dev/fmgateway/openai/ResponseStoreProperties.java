package dev.fmgateway.openai;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How {@code /openai/v1/responses} keeps responses for {@code previous_response_id} and {@code item_reference}, in
 * the usage database.
 *
 * @param storeTtl how long a response stays retrievable (30 days, as OpenAI keeps them); {@code 0} turns storing
 *        off, and then {@code previous_response_id} and {@code item_reference} answer 400
 * @param maxStoredBytes largest conversation (all items up to and including the response's output, as JSON) that is
 *        stored; a larger one is answered but not stored ({@code store: false} in the answer)
 * @param writeTimeout longest time an answer waits for its row to be written; past it the answer goes out with
 *        {@code store: false} (the write may still land)
 * @param sweepInterval how often expired rows are deleted
 */
@ConfigurationProperties("gateway.openai.responses")
record ResponseStoreProperties(@DefaultValue("30d") Duration storeTtl, @DefaultValue("2MB") DataSize maxStoredBytes,
        @DefaultValue("2s") Duration writeTimeout, @DefaultValue("1h") Duration sweepInterval) {

    boolean enabled() {
        return this.storeTtl.isPositive();
    }
}
