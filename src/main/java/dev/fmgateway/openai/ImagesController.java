package dev.fmgateway.openai;

import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

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
import dev.fmgateway.image.ImageGenerationRequest;
import dev.fmgateway.image.ImagePrompts;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /openai/v1/images/generations}: translated into the gateway's image request, with the same
 * validation, catalog limits ({@link ImagePrompts}) and invocation chain as {@code POST /v1/images/generations}.
 */
@RestController
class ImagesController {

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    private final Validator validator;

    ImagesController(ModelCatalog catalog, ModelInvoker invoker, Validator validator) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.validator = validator;
    }

    @PostMapping(path = "/openai/v1/images/generations", consumes = "application/json")
    ResponseEntity<ImageList> generate(@jakarta.validation.Valid @RequestBody ImagesRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        ImageGenerationRequest gateway = request.toGateway();
        this.validator.validate(gateway)
            .stream()
            .min(Comparator.comparing((ConstraintViolation<ImageGenerationRequest> v) -> v.getPropertyPath().toString()))
            .ifPresent(violation -> {
                throw new InvalidRequestException(violation.getPropertyPath().toString(), violation.getMessage());
            });
        CatalogModel model = this.catalog.require(gateway.model(), Set.of(Capability.IMAGE_GENERATION));
        Completion<ImageResult> completion = this.invoker.invoke(model, ImagePrompts.of(gateway, model),
                CallContexts.current(gateway.region(), regionHeader));
        List<Image> images = completion.result().images()
            .stream()
            .map(image -> new Image(Base64.getEncoder().encodeToString(image.data())))
            .toList();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(new ImageList(Instant.now().getEpochSecond(), images));
    }

    record ImageList(long created, List<Image> data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Image(String b64Json) {
    }
}
