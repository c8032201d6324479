package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class UsageWindowTests {

    final Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLast24Hours() {
        assertThat(UsageWindow.of(null, null, this.clock))
            .isEqualTo(new UsageWindow(Instant.parse("2026-11-28T12:00:00Z"), Instant.parse("2026-11-29T12:00:00Z")));
    }

    @Test
    void datesAreWholeUtcDaysWithToInclusive() {
        assertThat(UsageWindow.of("2026-11-01", "2026-11-02", this.clock))
            .isEqualTo(new UsageWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")));
    }

    @Test
    void instantsWithOffsetsAreAccepted() {
        assertThat(UsageWindow.of("2026-11-29T10:00:00+02:00", null, this.clock).from())
            .isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(UsageWindow.of(null, "2026-11-20T00:00:00Z", this.clock).from())
            .isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    }

    @Test
    void rejectsGarbageReversedAndOverlongWindows() {
        assertThatExceptionOfType(InvalidUsageQueryException.class)
            .isThrownBy(() -> UsageWindow.of("last week", null, this.clock));
        assertThatExceptionOfType(InvalidUsageQueryException.class)
            .isThrownBy(() -> UsageWindow.of("2026-11-29T12:00:00Z", "2026-11-29T12:00:00Z", this.clock));
        assertThatExceptionOfType(InvalidUsageQueryException.class)
            .isThrownBy(() -> UsageWindow.of("2020-01-01", null, this.clock));
    }
}
