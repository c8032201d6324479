package dev.fmgateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The UTC day or month a budget counts spend in: its counter id, start and end. */
record BudgetWindow(String id, Instant start, Instant end) {

    static BudgetWindow of(Limit.BudgetPeriod period, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (period == Limit.BudgetPeriod.DAY) {
            return new BudgetWindow("d" + day, day.atStartOfDay().toInstant(ZoneOffset.UTC),
                    day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        LocalDate first = day.withDayOfMonth(1);
        return new BudgetWindow("m" + first.toString().substring(0, 7), first.atStartOfDay().toInstant(ZoneOffset.UTC),
                first.plusMonths(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Whole seconds from {@code at} to the end of the window, at least one. */
    long secondsLeft(Instant at) {
        return Math.max(1, Duration.between(at, this.end).toSeconds() + 1);
    }
}
