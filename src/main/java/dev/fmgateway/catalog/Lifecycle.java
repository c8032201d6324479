package dev.fmgateway.catalog;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A model's lifecycle as the provider announced it.
 *
 * @param status current status
 * @param legacyDate when the provider marked it legacy, if known
 * @param sunsetDate when the provider stops (or stopped) serving it, if known
 * @param successor catalog id of the model to migrate to, if any
 * @param serveRetired serve this model even when RETIRED (e.g. a private SageMaker deployment of it)
 */
public record Lifecycle(@DefaultValue("ACTIVE") LifecycleStatus status, @Nullable LocalDate legacyDate,
        @Nullable LocalDate sunsetDate, @Nullable String successor, @DefaultValue("false") boolean serveRetired) {

    public static Lifecycle active() {
        return new Lifecycle(LifecycleStatus.ACTIVE, null, null, null, false);
    }
}
