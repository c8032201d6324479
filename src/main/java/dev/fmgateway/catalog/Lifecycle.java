package dev.fmgateway.catalog;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A model's lifecycle as the provider announced it")
public record Lifecycle(@Schema(description = "Current status") @DefaultValue("ACTIVE") LifecycleStatus status,
        @Schema(description = "When the provider marked it legacy, if known", example = "2025-01-15") @Nullable LocalDate legacyDate,
        @Schema(description = "When the provider stops (or stopped) serving it, if known", example = "2026-09-10") @Nullable LocalDate sunsetDate,
        @Schema(description = "Catalog id of the model to migrate to, if any", example = "claude-haiku-4-5") @Nullable String successor,
        @Schema(description = "Whether the gateway serves it even when RETIRED (e.g. a private SageMaker deployment)",
                example = "false") @DefaultValue("false") boolean serveRetired) {

    public static Lifecycle active() {
        return new Lifecycle(LifecycleStatus.ACTIVE, null, null, null, false);
    }
}
