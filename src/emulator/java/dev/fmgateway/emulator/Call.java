package dev.fmgateway.emulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** A signed API call on its way through the emulator. */
final class Call {

    private final Exchange exchange;
    private final Service service;
    private final @Nullable String region;
    private final EmulatorSettings settings;
    private final Faults faults;

    private @Nullable Duration slowStream;

    Call(Exchange exchange, Service service, @Nullable String region, EmulatorSettings settings, Faults faults) {
        this.exchange = exchange;
        this.service = service;
        this.region = region;
        this.settings = settings;
        this.faults = faults;
    }

    /** Thrown by a HANG fault after holding the call: the connection is closed without an answer. */
    static final class Hang extends RuntimeException {
        Hang() {
            super("connection held and dropped by an injected fault", null, false, false);
        }
    }

    Exchange exchange() {
        return exchange;
    }

    @Nullable String region() {
        return region;
    }

    EmulatorSettings settings() {
        return settings;
    }

    /**
     * Applies the fault rules and the base latency for this target: sleeps, throws the injected error or
     * {@link Hang}, and returns the stream fault to apply, if any.
     */
    EventStreamWriter.@Nullable StreamFault admit(String target, @Nullable String baseTarget, boolean streaming) {
        Faults.Plan plan = faults.plan(service, region, target, baseTarget, streaming);
        this.slowStream = plan.streamInterval();
        Sleep.of(settings.latency().plus(plan.latency()));
        FaultRule failure = plan.failure();
        if (failure != null && failure.kind() == FaultRule.Kind.HANG) {
            Sleep.of(failure.duration());
            throw new Hang();
        }
        if (failure != null) {
            throw FaultErrors.toException(failure, service, target, region);
        }
        return plan.streamError() == null ? null : FaultErrors.streamFault(plan.streamError(), service);
    }

    Duration streamInterval() {
        return slowStream != null ? slowStream : settings.streamInterval();
    }
}
