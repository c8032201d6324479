package dev.fmgateway.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.ModelResponseHeaders;
import dev.fmgateway.invocation.UsageView;
import dev.fmgateway.web.Base64Images;
import dev.fmgateway.web.InvalidRequestException;

/** {@code POST /v1/embeddings} and {@code POST /v1/embeddings/similarity}. */
@RestController
class EmbeddingController {

    private static final Set<Capability> EMBEDDING = Set.of(Capability.EMBEDDING);

    private final ModelCatalog catalog;

    private final Embedder embedder;

    EmbeddingController(ModelCatalog catalog, Embedder embedder) {
        this.catalog = catalog;
        this.embedder = embedder;
    }

    @PostMapping(path = "/v1/embeddings", consumes = "application/json", produces = "application/json")
    ResponseEntity<EmbeddingResponse> embed(@Valid @RequestBody EmbeddingRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), EMBEDDING);
        long started = System.nanoTime();
        Embedder.Embeddings embeddings = this.embedder.embed(model, inputs(request, model),
                CallContext.current(request.region(), regionHeader));
        List<EmbeddingResponse.Item> data = IntStream.range(0, embeddings.vectors().size())
            .mapToObj(i -> new EmbeddingResponse.Item(i, embeddings.vectors().get(i)))
            .toList();
        String region = embeddings.first().deployment().region();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(model, region, embeddings.cost(), embeddings.usage()))
            .body(new EmbeddingResponse(model.id(), region, data, new EmbeddingResponse.TokenUsage(
                    embeddings.usage().input(), embeddings.usage().estimated()),
                    UsageView.CostView.of(embeddings.cost()), (System.nanoTime() - started) / 1_000_000));
    }

    @PostMapping(path = "/v1/embeddings/similarity", consumes = "application/json", produces = "application/json")
    ResponseEntity<SimilarityResponse> similarity(@Valid @RequestBody SimilarityRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), EMBEDDING);
        List<EmbeddingInput> inputs = new ArrayList<>();
        inputs.add(new EmbeddingInput(request.query(), null, request.dimensions(), true));
        request.candidates().forEach(text -> inputs.add(new EmbeddingInput(text, null, request.dimensions(), true)));
        long started = System.nanoTime();
        Embedder.Embeddings embeddings = this.embedder.embed(model, inputs,
                CallContext.current(request.region(), regionHeader));
        float[] query = embeddings.vectors().getFirst();
        List<SimilarityResponse.Result> ranked = IntStream.range(0, request.candidates().size())
            .mapToObj(i -> new SimilarityResponse.Result(i, request.candidates().get(i),
                    Vectors.cosine(query, embeddings.vectors().get(i + 1))))
            .sorted(Comparator.comparingDouble(SimilarityResponse.Result::score).reversed())
            .limit(request.topK() != null ? request.topK() : request.candidates().size())
            .toList();
        String region = embeddings.first().deployment().region();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(model, region, embeddings.cost(), embeddings.usage()))
            .body(new SimilarityResponse(model.id(), region, ranked, new EmbeddingResponse.TokenUsage(
                    embeddings.usage().input(), embeddings.usage().estimated()),
                    UsageView.CostView.of(embeddings.cost()), (System.nanoTime() - started) / 1_000_000));
    }

    private static List<EmbeddingInput> inputs(EmbeddingRequest request, CatalogModel model) {
        byte[] image = request.image() != null ? Base64Images.read("image", request.image(), 2048).data() : null;
        if (request.input() == null && image == null) {
            throw new InvalidRequestException("input", "is required (or image, for multimodal models)");
        }
        if (image != null && model.family() != dev.fmgateway.catalog.PayloadFamily.TITAN_EMBED_IMAGE) {
            throw new InvalidRequestException("image", "is only accepted by multimodal embedding models");
        }
        if (request.input() == null) {
            return List.of(new EmbeddingInput(null, image, request.dimensions(), request.normalize()));
        }
        return request.input()
            .stream()
            .map(text -> new EmbeddingInput(text, image, request.dimensions(), request.normalize()))
            .toList();
    }

    record EmbeddingResponse(String model, String region, List<Item> data, TokenUsage usage, UsageView.CostView cost,
            long latencyMs) {

        record Item(int index, float[] embedding) {
        }

        record TokenUsage(long inputTokens, boolean estimated) {
        }
    }

    record SimilarityResponse(String model, String region, List<Result> results,
            EmbeddingResponse.TokenUsage usage, UsageView.CostView cost, long latencyMs) {

        record Result(int index, String text, double score) {
        }
    }
}
