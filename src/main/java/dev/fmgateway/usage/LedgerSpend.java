package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.fmgateway.limits.Scope;
import dev.fmgateway.limits.SpendHistory;

/** A budget scope's spend as the ledger holds it (what the database has; the journal's backlog is not in it). */
@Component
class LedgerSpend implements SpendHistory {

    private final UsageRepository repository;

    LedgerSpend(UsageRepository repository) {
        this.repository = repository;
    }

    @Override
    public BigDecimal spent(Scope scope, Instant from, Instant to) {
        return switch (scope.kind()) {
            case KEY -> this.repository.spent(List.of("api_key"), List.of(scope.id()), from, to);
            case TEAM -> this.repository.spent(List.of("team"), List.of(scope.id()), from, to);
            case MODEL -> this.repository.spent(List.of("model"), List.of(scope.id()), from, to);
            case KEY_MODEL -> {
                int slash = scope.id().indexOf('/');
                yield this.repository.spent(List.of("api_key", "model"),
                        List.of(scope.id().substring(0, slash), scope.id().substring(slash + 1)), from, to);
            }
        };
    }
}
