package dev.fmgateway.segmentation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/images/segmentations}: a base64 image with point and/or box prompts. */
record SegmentationRequest(@NotBlank @Size(max = 256) String model, @NotBlank String image,
        @Nullable @Size(max = 64) List<@Valid @NotNull Point> points,
        @Nullable @Size(max = 16) List<@Valid @NotNull Box> boxes, @Nullable Boolean multimask,
        @Nullable @Size(max = 32) String region) {

    @AssertTrue(message = "give at least one point or box")
    boolean isPrompted() {
        return (this.points != null && !this.points.isEmpty()) || (this.boxes != null && !this.boxes.isEmpty());
    }

    record Point(@Min(0) int x, @Min(0) int y, @Min(0) @Max(1) int label) {
    }

    record Box(@Min(0) int x0, @Min(0) int y0, @Min(0) int x1, @Min(0) int y1) {

        @AssertTrue(message = "x0 <= x1 and y0 <= y1")
        boolean isOrdered() {
            return this.x0 <= this.x1 && this.y0 <= this.y1;
        }
    }
}
