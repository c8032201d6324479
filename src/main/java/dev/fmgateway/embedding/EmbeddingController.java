package dev.fmgateway.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
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
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.web.UsageView;
import dev.fmgateway.web.Base64Images;
import dev.fmgateway.web.InvalidRequestException;

/** {@code POST /v1/embeddings} and {@code POST /v1/embeddings/similarity}. */
@RestController
@Tag(name = "Embeddings")
class EmbeddingController {

    private static final Set<Capability> EMBEDDING = Set.of(Capability.EMBEDDING);

    private final ModelCatalog catalog;

    private final Embedder embedder;

    EmbeddingController(ModelCatalog catalog, Embedder embedder) {
        this.catalog = catalog;
        this.embedder = embedder;
    }

    @PostMapping(path = "/v1/embeddings", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "createEmbeddings", summary = "Embed texts (or an image)",
            description = "Returns one vector per input, in input order. Models that take one input per call get "
                    + "one upstream call per input, made in parallel; the first failure fails the request.")
    ResponseEntity<EmbeddingResponse> embed(@Valid @RequestBody EmbeddingRequest request,
            @Parameter(description = "AWS region to call the model in, when the body names none",
                    example = "eu-central-1") @RequestHeader(name = "X-Gateway-Region",
                            required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), EMBEDDING);
        long started = System.nanoTime();
        Embedder.Embeddings embeddings = this.embedder.embed(model, inputs(request, model),
                CallContexts.current(request.region(), regionHeader));
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
    @Operation(operationId = "rankBySimilarity", summary = "Rank texts by similarity to a query",
            description = "Embeds the query and the candidates and returns the candidates sorted by cosine "
                    + "similarity to the query, best first.")
    ResponseEntity<SimilarityResponse> similarity(@Valid @RequestBody SimilarityRequest request,
            @Parameter(description = "AWS region to call the model in, when the body names none",
                    example = "eu-central-1") @RequestHeader(name = "X-Gateway-Region",
                            required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), EMBEDDING);
        List<EmbeddingInput> inputs = new ArrayList<>();
        // Models that embed by purpose get the query as a query and the candidates as documents.
        boolean purpose = model.family().takesInputType();
        inputs.add(new EmbeddingInput(request.query(), null, request.dimensions(), true, List.of(),
                purpose ? "search_query" : null));
        request.candidates().forEach(text -> inputs.add(new EmbeddingInput(text, null, request.dimensions(), true,
                List.of(), purpose ? "search_document" : null)));
        long started = System.nanoTime();
        Embedder.Embeddings embeddings = this.embedder.embed(model, inputs,
                CallContexts.current(request.region(), regionHeader));
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
        // Clients generated from the spec send an unset array as []: treat it as absent.
        boolean noText = request.input() == null || request.input().isEmpty();
        if (noText && image == null) {
            throw new InvalidRequestException("input", "is required (or image, for multimodal models)");
        }
        if (image != null && model.family() != dev.fmgateway.catalog.PayloadFamily.TITAN_EMBED_IMAGE) {
            throw new InvalidRequestException("image", "is only accepted by multimodal embedding models");
        }
        if (request.inputType() != null && !model.family().takesInputType()) {
            throw new InvalidRequestException("inputType", "is only accepted by models that embed by purpose "
                    + "(Cohere Embed); " + model.id() + " embeds every text alike");
        }
        if (noText) {
            return List.of(new EmbeddingInput(null, image, request.dimensions(), request.normalize()));
        }
        return request.input()
            .stream()
            .map(text -> new EmbeddingInput(text, image, request.dimensions(), request.normalize(), List.of(),
                    request.inputType()))
            .toList();
    }

    @Schema(description = "One vector per input, in input order, with usage and cost")
    record EmbeddingResponse(
            @Schema(description = "Catalog id of the model that answered", example = "titan-embed-text-v2") String model,
            @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
            @Schema(description = "The vectors, in input order") List<Item> data, TokenUsage usage,
            UsageView.CostView cost,
            @Schema(description = "Time the gateway spent on the call, in milliseconds", example = "95") long latencyMs) {

        @Schema(name = "Embedding", description = "The vector of one input")
        record Item(@Schema(description = "Position of the input in the request", example = "0") int index,
                @Schema(description = "The vector; its length is `dimensions` or the model's default",
                        example = "[0.0123, -0.0456, 0.0789]") float[] embedding) {
        }

        @Schema(name = "EmbeddingUsage", description = "Tokens billed for the inputs")
        record TokenUsage(@Schema(description = "Input tokens of all inputs", example = "7") long inputTokens,
                @Schema(description = "True when the provider reported no counts and the gateway estimated them",
                        example = "false") boolean estimated) {
        }
    }

    @Schema(description = "Candidates ranked by cosine similarity to the query, best first")
    record SimilarityResponse(
            @Schema(description = "Catalog id of the model that answered", example = "titan-embed-text-v2") String model,
            @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
            @Schema(description = "At most `topK` candidates, best first") List<Result> results,
            EmbeddingResponse.TokenUsage usage, UsageView.CostView cost,
            @Schema(description = "Time the gateway spent on the call, in milliseconds", example = "130") long latencyMs) {

        @Schema(name = "SimilarityResult", description = "A candidate and its score")
        record Result(@Schema(description = "Position of the candidate in the request", example = "0") int index,
                @Schema(description = "The candidate text", example = "red apples") String text,
                @Schema(description = "Cosine similarity to the query, -1 to 1", example = "0.83") double score) {
        }
    }
}
