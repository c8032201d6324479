package dev.fmgateway.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;

import org.jspecify.annotations.Nullable;

/**
 * The time window {@code [from, to)} of a usage query. Each bound is an ISO-8601 instant
 * ({@code 2026-11-29T10:00:00Z}, offsets allowed) or a UTC date: {@code from=2026-11-01} starts at that day's
 * midnight, {@code to=2026-11-30} includes that whole day. {@code to} defaults to now and {@code from} to 24 hours
 * before {@code to}.
 */
record UsageWindow(Instant from, Instant to) {

    static final Duration DEFAULT = Duration.ofHours(24);

    static final Duration LONGEST = Duration.ofDays(400);

    static UsageWindow of(@Nullable String from, @Nullable String to, Clock clock) {
        Instant end = to != null ? parse("to", to, true) : null;
        Instant start = from != null ? parse("from", from, false) : null;
        if (end == null) {
            end = clock.instant();
        }
        if (start == null) {
            start = end.minus(DEFAULT);
        }
        if (!start.isBefore(end)) {
            throw new InvalidUsageQueryException("from", "'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidUsageQueryException("from", "The window may span at most " + LONGEST.toDays() + " days");
        }
        return new UsageWindow(start, end);
    }

    /** Instants beyond this cannot be stored or shifted safely; nobody asks for usage there. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    Duration length() {
        return Duration.between(this.from, this.to);
    }

    private static Instant parse(String name, String value, boolean endOfDay) {
        String text = value.trim();
        try {
            Instant instant;
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            else {
                instant = Instant.parse(text);
            }
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
                throw new DateTimeException("out of range");
            }
            return instant;
        }
        catch (DateTimeException ex) {
            throw new InvalidUsageQueryException(name, "'" + name + "' must be an ISO-8601 instant such as "
                    + "2026-11-29T10:00:00Z or a date such as 2026-11-29 between 1970 and 9999, not '" + value + "'");
        }
    }
}
