package dev.fmgateway.image;

import java.util.Set;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;

/** {@code POST /v1/images/generations}. */
@RestController
@Tag(name = "Images")
class ImageController {

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    ImageController(ModelCatalog catalog, ModelInvoker invoker) {
        this.catalog = catalog;
        this.invoker = invoker;
    }

    @PostMapping(path = "/v1/images/generations", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "generateImages", summary = "Generate images",
            description = "Generates one or more images (PNG or JPEG, base64) from a prompt. Sizes, count and "
                    + "steps are checked against the model's catalog limits before any upstream call.")
    ResponseEntity<ImageGenerationResponse> generate(@Valid @RequestBody ImageGenerationRequest request,
            @Parameter(description = "AWS region to call the model in, when the body names none",
                    example = "eu-central-1") @RequestHeader(name = "X-Gateway-Region",
                            required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), Set.of(Capability.IMAGE_GENERATION));
        long started = System.nanoTime();
        Completion completion = this.invoker.invoke(model, ImagePrompts.of(request, model),
                CallContexts.current(request.region(), regionHeader));
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(ImageGenerationResponse.of(completion, (System.nanoTime() - started) / 1_000_000));
    }
}
