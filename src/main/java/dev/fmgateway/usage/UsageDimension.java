package dev.fmgateway.usage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What {@code GET /v1/usage} can group by, with the ledger column behind each (never taken from the caller). */
enum UsageDimension {

    MODEL("model", "model"), API_KEY("apiKey", "api_key"), REGION("region", "region"), DAY("day", "occurred_day");

    private final String wireName;

    private final String column;

    UsageDimension(String wireName, String column) {
        this.wireName = wireName;
        this.column = column;
    }

    String wireName() {
        return this.wireName;
    }

    String column() {
        return this.column;
    }

    static Optional<UsageDimension> fromWire(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equalsIgnoreCase(name)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(UsageDimension::wireName).toList();
    }
}
