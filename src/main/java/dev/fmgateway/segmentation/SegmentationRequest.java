package dev.fmgateway.segmentation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /v1/images/segmentations}: a base64 image with point and/or box prompts. */
@Schema(description = "A segmentation request: an image and at least one point or box prompt")
record SegmentationRequest(
        @Schema(description = "Catalog id or alias of a SEGMENTATION model", example = "sam-2-1")
        @NotBlank @Size(max = 256) String model,
        @Schema(description = "The image: base64 PNG or JPEG (a `data:` URL is accepted), at most 4096 pixels per side",
                format = "byte", example = "iVBORw0KGgo=") @NotBlank String image,
        @ArraySchema(arraySchema = @Schema(description = "Point prompts")) @Nullable @Size(max = 64) List<@Valid @NotNull Point> points,
        @ArraySchema(arraySchema = @Schema(description = "Box prompts")) @Nullable @Size(max = 16) List<@Valid @NotNull Box> boxes,
        @Schema(description = "Return several candidate masks per prompt", defaultValue = "false") @Nullable Boolean multimask,
        @Schema(description = "AWS region to call the model in", example = "us-east-1") @Nullable @Size(max = 32) String region) {

    @AssertTrue(message = "give at least one point or box")
    boolean isPrompted() {
        return (this.points != null && !this.points.isEmpty()) || (this.boxes != null && !this.boxes.isEmpty());
    }

    @Schema(name = "PointPrompt", description = "A point on the image, in pixels from the top left corner")
    record Point(@Schema(example = "256") @Min(0) int x, @Schema(example = "256") @Min(0) int y,
            @Schema(description = "1 marks foreground, 0 background", example = "1") @Min(0) @Max(1) int label) {
    }

    @Schema(name = "BoxPrompt", description = "A box around the object, corners inclusive, x0 <= x1 and y0 <= y1")
    record Box(@Schema(example = "100") @Min(0) int x0, @Schema(example = "120") @Min(0) int y0,
            @Schema(example = "400") @Min(0) int x1, @Schema(example = "380") @Min(0) int y1) {

        @AssertTrue(message = "x0 <= x1 and y0 <= y1")
        boolean isOrdered() {
            return this.x0 <= this.x1 && this.y0 <= this.y1;
        }
    }
}
