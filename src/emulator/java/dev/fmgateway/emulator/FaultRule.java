package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One injected fault. A rule matches a call when each of {@code service}, {@code region} and
 * {@code target} is null or equal to the call's value ({@code target} is the model id as sent, its base
 * id without profile prefix/ARN, or the SageMaker endpoint name). Among matching calls it fires on every
 * {@code every}-th one (1 = all), at most {@code limit} times (0 = no limit).
 *
 * @param kind what happens
 * @param service {@code bedrock}, {@code sagemaker} or null for both
 * @param region region of the credential scope, or null for any
 * @param target model id / endpoint name, or null for any
 * @param every fire on every N-th matching call (≥ 1)
 * @param limit stop firing after this many times (0 = unlimited)
 * @param duration added latency ({@link Kind#LATENCY}) or how long to hold the connection ({@link Kind#HANG})
 * @param afterEvents for {@link Kind#STREAM_ERROR}: events sent before the exception event
 * @param exception for {@link Kind#STREAM_ERROR}: the exception member, e.g. {@code throttlingException};
 *        null for the service default ({@code modelStreamErrorException} / {@code ModelStreamError})
 * @param originalStatusCode for {@link Kind#MODEL_ERROR} (and Bedrock stream errors): the container's status
 * @param message overrides the AWS-like default message, or null
 */
public record FaultRule(Kind kind, @Nullable String service, @Nullable String region, @Nullable String target,
        int every, int limit, Duration duration, int afterEvents, @Nullable String exception, int originalStatusCode,
        @Nullable String message) {

    public FaultRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1");
        }
        if (limit < 0 || afterEvents < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("limit, afterEvents and duration must not be negative");
        }
        if (service != null && !service.equals("bedrock") && !service.equals("sagemaker")) {
            throw new IllegalArgumentException("service must be bedrock or sagemaker");
        }
    }

    /** A rule of this kind for every call, with defaults for everything else. */
    public static FaultRule of(Kind kind) {
        return new FaultRule(kind, null, null, null, 1, 0, kind == Kind.HANG ? Duration.ofSeconds(5) : Duration.ZERO,
                0, null, 500, null);
    }

    public FaultRule forService(@Nullable String service) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule inRegion(@Nullable String region) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule forTarget(@Nullable String target) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule every(int every) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule limit(int limit) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule duration(Duration duration) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule afterEvents(int afterEvents) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule exception(@Nullable String exception) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule originalStatusCode(int originalStatusCode) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    public FaultRule message(@Nullable String message) {
        return new FaultRule(kind, service, region, target, every, limit, duration, afterEvents, exception,
                originalStatusCode, message);
    }

    boolean matches(String service, @Nullable String region, String target, @Nullable String baseTarget) {
        return (this.service == null || this.service.equals(service))
                && (this.region == null || this.region.equals(region))
                && (this.target == null || this.target.equals(target) || this.target.equals(baseTarget));
    }

    /** What a rule does; JSON names are the lower-case, dash-separated constant names. */
    public enum Kind {
        /** Adds {@code duration} before the answer. */
        LATENCY,
        /** Bedrock 429 {@code ThrottlingException}; SageMaker 400 {@code ThrottlingException} ("Rate exceeded"). */
        THROTTLE,
        /** 429 {@code ModelNotReadyException}. */
        MODEL_NOT_READY,
        /** Bedrock 500 {@code InternalServerException}; SageMaker 500 {@code InternalFailure}. */
        INTERNAL_ERROR,
        /** Bedrock 503 {@code ServiceUnavailableException}; SageMaker 503 {@code ServiceUnavailable}. */
        SERVICE_UNAVAILABLE,
        /** Bedrock 408 {@code ModelTimeoutException}; SageMaker 424 {@code ModelError} (container timed out). */
        MODEL_TIMEOUT,
        /** Bedrock 404 {@code ResourceNotFoundException} (model end of life). */
        NOT_FOUND,
        /** 424 {@code ModelError} / {@code ModelErrorException} with {@code originalStatusCode}. */
        MODEL_ERROR,
        /** Holds the connection for {@code duration}, then closes it without an answer. */
        HANG,
        /** In streams only: sends {@code afterEvents} events, then an exception event. */
        STREAM_ERROR,
        /** In streams only: pauses {@code duration} between events (instead of the configured stream interval). */
        SLOW_STREAM;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromJson(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
