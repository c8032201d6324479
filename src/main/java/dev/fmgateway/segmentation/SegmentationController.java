package dev.fmgateway.segmentation;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.CostViews;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.ModelResponseHeaders;
import dev.fmgateway.invocation.SegmentationInput;
import dev.fmgateway.invocation.SegmentationResult;
import dev.fmgateway.invocation.UsageView;
import dev.fmgateway.web.Base64Images;
import dev.fmgateway.web.InvalidRequestException;

/** {@code POST /v1/images/segmentations}. */
@RestController
class SegmentationController {

    static final int MAX_SIDE = 4096;

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    SegmentationController(ModelCatalog catalog, ModelInvoker invoker) {
        this.catalog = catalog;
        this.invoker = invoker;
    }

    @PostMapping(path = "/v1/images/segmentations", consumes = "application/json", produces = "application/json")
    ResponseEntity<SegmentationResponse> segment(@Valid @RequestBody SegmentationRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), Set.of(Capability.SEGMENTATION));
        Base64Images.Image image = Base64Images.read("image", request.image(), MAX_SIDE);
        SegmentationInput input = input(request, image);
        long started = System.nanoTime();
        Completion completion = this.invoker.invoke(model, input, CallContext.current(request.region(), regionHeader));
        SegmentationResult result = (SegmentationResult) completion.result();
        List<SegmentationResponse.Mask> masks = result.masks()
            .stream()
            .map(m -> new SegmentationResponse.Mask(Base64.getEncoder().encodeToString(m.png()), m.score(), m.bbox()))
            .toList();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(new SegmentationResponse(model.id(), completion.deployment().region(), result.width(),
                    result.height(), masks, CostViews.of(completion), (System.nanoTime() - started) / 1_000_000));
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

    record SegmentationResponse(String model, String region, int width, int height, List<Mask> masks,
            UsageView.CostView cost, long latencyMs) {

        record Mask(String base64, double score, SegmentationInput.Box bbox) {
        }
    }
}
