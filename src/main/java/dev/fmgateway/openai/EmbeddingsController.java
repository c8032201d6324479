package dev.fmgateway.openai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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
import dev.fmgateway.embedding.Embedder;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.web.ModelResponseHeaders;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /openai/v1/embeddings}, through the same {@link Embedder} as {@code POST /v1/embeddings} (one call
 * per input in parallel, limits checked first). Vectors are unit length, as OpenAI's are.
 */
@RestController
class EmbeddingsController {

    private final ModelCatalog catalog;

    private final Embedder embedder;

    EmbeddingsController(ModelCatalog catalog, Embedder embedder) {
        this.catalog = catalog;
        this.embedder = embedder;
    }

    @PostMapping(path = "/openai/v1/embeddings", consumes = "application/json")
    ResponseEntity<EmbeddingList> create(@jakarta.validation.Valid @RequestBody EmbeddingsRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        boolean base64 = request.base64();
        CatalogModel model = this.catalog.require(request.requiredModel(), Set.of(Capability.EMBEDDING));
        List<EmbeddingInput> inputs = request.texts()
            .stream()
            .map(text -> new EmbeddingInput(text, null, request.dimensions(), true))
            .toList();
        Embedder.Embeddings embeddings = this.embedder.embed(model, inputs,
                CallContexts.current(request.region(), regionHeader));
        List<Item> data = IntStream.range(0, embeddings.vectors().size())
            .mapToObj(i -> new Item("embedding", i,
                    base64 ? littleEndianBase64(embeddings.vectors().get(i)) : embeddings.vectors().get(i)))
            .toList();
        long tokens = embeddings.usage().input();
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(model, embeddings.first().deployment().region(), embeddings.cost(),
                    embeddings.usage()))
            .body(new EmbeddingList("list", data, model.id(), new Usage(tokens, tokens)));
    }

    /** float32 little-endian bytes, base64: what OpenAI sends for {@code encoding_format: base64}. */
    static String littleEndianBase64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    record EmbeddingList(String object, List<Item> data, String model, Usage usage) {
    }

    /** {@code embedding} is a {@code float[]} or, for {@code encoding_format: base64}, a string. */
    record Item(String object, int index, Object embedding) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(long promptTokens, long totalTokens) {
    }
}
