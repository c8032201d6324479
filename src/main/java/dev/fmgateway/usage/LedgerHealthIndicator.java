package dev.fmgateway.usage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ledger} component of {@code /actuator/health}: UP while records reach the journal (state
 * {@code WRITING}, or {@code DEGRADED} while the database fails and the backlog waits on disk), DOWN while the
 * journal cannot be written or the ledger is stopped. Details: the backlog of records not yet in the database, the
 * journal's size on disk, and the last error (exception class and message, never a record or a credential).
 */
@Component
class LedgerHealthIndicator implements HealthIndicator {

    private final UsageLedger ledger;

    LedgerHealthIndicator(UsageLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        UsageLedger.State state = this.ledger.state();
        Health.Builder health = (state == UsageLedger.State.WRITING || state == UsageLedger.State.DEGRADED)
                ? Health.up() : Health.down();
        health.withDetail("state", state.name())
            .withDetail("backlog", this.ledger.backlog())
            .withDetail("journalBytes", this.ledger.journalBytes());
        String lastError = this.ledger.lastError();
        if (lastError != null) {
            health.withDetail("lastError", lastError).withDetail("lastErrorAt", String.valueOf(this.ledger.lastErrorAt()));
        }
        return health.build();
    }
}
