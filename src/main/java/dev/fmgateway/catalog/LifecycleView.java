package dev.fmgateway.catalog;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A model's {@link Lifecycle} in a catalog entry. */
@Schema(name = "Lifecycle", description = "A model's lifecycle as the provider announced it")
record LifecycleView(@Schema(description = "Current status", enumAsRef = true) LifecycleStatus status,
        @Schema(description = "When the provider marked it legacy, if known", example = "2025-01-15") @Nullable LocalDate legacyDate,
        @Schema(description = "When the provider stops (or stopped) serving it, if known", example = "2026-09-10") @Nullable LocalDate sunsetDate,
        @Schema(description = "Catalog id of the model to migrate to, if any", example = "claude-haiku-4-5") @Nullable String successor,
        @Schema(description = "Whether the gateway serves it even when RETIRED (e.g. a private SageMaker deployment)",
                example = "false") boolean serveRetired) {

    static LifecycleView of(Lifecycle lifecycle) {
        return new LifecycleView(lifecycle.status(), lifecycle.legacyDate(), lifecycle.sunsetDate(),
                lifecycle.successor(), lifecycle.serveRetired());
    }
}
