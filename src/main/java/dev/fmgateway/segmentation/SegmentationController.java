package dev.fmgateway.segmentation;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.web.CallContexts;
import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.web.CostViews;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.web.UsageView;
import dev.fmgateway.web.Base64Images;
import dev.fmgateway.web.InvalidRequestException;

/** {@code POST /v1/images/segmentations}. */
@RestController
@Tag(name = "Images")
class SegmentationController {

    static final int MAX_SIDE = 4096;

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    private final PixelBudget budget;

    SegmentationController(ModelCatalog catalog, ModelInvoker invoker, PixelBudget budget) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.budget = budget;
    }

    @PostMapping(path = "/v1/images/segmentations", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "segmentImage", summary = "Segment an image",
            description = "Returns masks of the objects marked by point and/or box prompts (Segment Anything).")
    ResponseEntity<SegmentationResponse> segment(@Valid @RequestBody SegmentationRequest request,
            @Parameter(description = "AWS region to call the model in, when the body names none",
                    example = "eu-central-1") @RequestHeader(name = "X-Gateway-Region",
                            required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), Set.of(Capability.SEGMENTATION));
        Base64Images.Image image = Base64Images.read("image", request.image(), MAX_SIDE);
        SegmentationInput input = input(request, image);
        long started = System.nanoTime();
        Completion<SegmentationResult> completion;
        try (PixelBudget.Reservation reserved = this.budget.reserve(cost(input))) {
            completion = this.invoker.invoke(model, input, CallContexts.current(request.region(), regionHeader));
        }
        SegmentationResult result = completion.result();
        List<SegmentationResponse.Mask> masks = result.masks()
            .stream()
            .map(m -> new SegmentationResponse.Mask(Base64.getEncoder().encodeToString(m.png()), m.score(),
                    SegmentationResponse.BoundingBox.of(m.bbox())))
            .toList();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(new SegmentationResponse(model.id(), completion.deployment().region(), result.width(),
                    result.height(), masks, CostViews.of(completion), (System.nanoTime() - started) / 1_000_000));
    }

    /** The pixels a request may decode: the image once, and once per mask it may get back. */
    private static long cost(SegmentationInput input) {
        return (long) input.width() * input.height() * (1 + input.maxMasks());
    }

    private static SegmentationInput input(SegmentationRequest request, Base64Images.Image image) {
        List<SegmentationInput.Point> points = request.points() == null ? List.of()
                : request.points().stream().map(p -> new SegmentationInput.Point(p.x(), p.y(), p.label())).toList();
        List<SegmentationInput.Box> boxes = request.boxes() == null ? List.of()
                : request.boxes().stream().map(b -> new SegmentationInput.Box(b.x0(), b.y0(), b.x1(), b.y1())).toList();
        for (SegmentationInput.Point p : points) {
            inside("points", p.x(), p.y(), image);
        }
        for (SegmentationInput.Box b : boxes) {
            inside("boxes", b.x1(), b.y1(), image);
        }
        return new SegmentationInput(image.data(), image.width(), image.height(), points, boxes,
                Boolean.TRUE.equals(request.multimask()));
    }

    private static void inside(String field, int x, int y, Base64Images.Image image) {
        if (x >= image.width() || y >= image.height()) {
            throw new InvalidRequestException(field,
                    "must lie inside the " + image.width() + "x" + image.height() + " image");
        }
    }

    @Schema(description = "Masks over the input image, with the cost of the call")
    record SegmentationResponse(
            @Schema(description = "Catalog id of the model that answered", example = "sam-2-1") String model,
            @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
            @Schema(description = "Width of the input image, in pixels", example = "512") int width,
            @Schema(description = "Height of the input image, in pixels", example = "512") int height,
            @Schema(description = "The masks, best first per prompt") List<Mask> masks, UsageView.CostView cost,
            @Schema(description = "Time the gateway spent on the call, in milliseconds", example = "640") long latencyMs) {

        @Schema(name = "Mask", description = "One mask")
        record Mask(@Schema(description = "PNG the size of the image (8-bit grey, 255 inside the mask), base64 encoded",
                format = "byte", example = "iVBORw0KGgo=") String base64,
                @Schema(description = "The model's confidence in the mask; null when the model gives none (SAM 2.1 on JumpStart)",
                        example = "0.94") @Nullable Double score,
                BoundingBox bbox) {
        }

        @Schema(description = "A box in pixels from the top left corner, corners inclusive")
        record BoundingBox(@Schema(example = "100") int x0, @Schema(example = "120") int y0,
                @Schema(example = "400") int x1, @Schema(example = "380") int y1) {

            static BoundingBox of(SegmentationInput.Box box) {
                return new BoundingBox(box.x0(), box.y0(), box.x1(), box.y1());
            }
        }
    }
}
