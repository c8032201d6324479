package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cohere Embed English v3, Multilingual v3 and v4 on InvokeModel (reference chat-apis-wire §2.1): {@code texts}
 * (at most 96, each at most 2,048 characters unless {@code truncate} cuts it) or one {@code images} data URI,
 * never both; {@code input_type} required; v4 adds {@code output_dimension} (256, 512, 1024, 1536; 1536 by
 * default) and {@code max_tokens}, and truncates {@code LEFT}/{@code RIGHT} where v3 says {@code START}/{@code END}.
 * One vector per text, in order; input tokens only in the {@code X-Amzn-Bedrock-Input-Token-Count} header. Only
 * {@code float} vectors are emulated: other {@code embedding_types} are refused as not emulated.
 */
final class CohereEmbeddings implements InvokeOnlyFamily {

    static final int MAX_TEXTS = 96;

    static final int MAX_CHARS = 2048;

    private static final Set<String> INPUT_TYPES = Set.of("search_document", "search_query", "classification",
            "clustering", "image");

    private static final Set<String> EMBEDDING_TYPES = Set.of("float", "int8", "uint8", "binary", "ubinary");

    private static final Set<Long> V4_DIMENSIONS = Set.of(256L, 512L, 1024L, 1536L);

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        boolean v4 = model.baseId().startsWith("cohere.embed-v4");
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, v4
                ? Set.of("texts", "images", "input_type", "truncate", "embedding_types", "output_dimension", "max_tokens")
                : Set.of("texts", "images", "input_type", "truncate", "embedding_types"));
        List<String> texts = checks.strings("#", body, "texts", false, MAX_TEXTS);
        List<String> images = checks.strings("#", body, "images", false, v4 ? MAX_TEXTS : 1);
        checks.enumValue("#", body, "input_type", true, INPUT_TYPES);
        String truncate = checks.enumValue("#", body, "truncate", false,
                v4 ? Set.of("NONE", "LEFT", "RIGHT") : Set.of("NONE", "START", "END"));
        List<String> types = checks.strings("#", body, "embedding_types", false, EMBEDDING_TYPES.size());
        Long dimension = v4 ? checks.integer("#", body, "output_dimension", false, 256, 1536) : null;
        if (dimension != null && !V4_DIMENSIONS.contains(dimension)) {
            checks.add("#/output_dimension: " + dimension + " is not a valid enum value");
        }
        if (v4) {
            checks.integer("#", body, "max_tokens", false, 1, 128_000);
        }
        if (types != null) {
            types.stream().filter(t -> !EMBEDDING_TYPES.contains(t))
                .forEach(t -> checks.add("#/embedding_types: " + t + " is not a valid enum value"));
        }
        checks.throwIfAny();
        boolean hasTexts = texts != null && !texts.isEmpty();
        boolean hasImages = images != null && !images.isEmpty();
        if (hasTexts == hasImages) {
            throw ApiException.validation("Malformed input request: #: exactly one of [texts, images] must be given, "
                    + "please reformat your input and try again.");
        }
        if (types != null && types.stream().anyMatch(t -> !t.equals("float"))) {
            throw ApiException.validation("The emulator answers float embeddings only; embedding_types " + types
                    + " is not emulated.");
        }
        int dimensions = dimension != null ? dimension.intValue() : v4 ? 1536 : 1024;
        ArrayNode vectors = Json.array();
        ArrayNode echoed = Json.array();
        int tokens = 0;
        for (String text : hasTexts ? texts : List.<String>of()) {
            String cut = truncated(text, truncate);
            vectors.add(floats(EmbeddingVectors.normalized(EmbeddingVectors.ofText(cut, dimensions))));
            echoed.add(cut);
            tokens += Tokenizer.count(cut);
        }
        for (String image : hasImages ? images : List.<String>of()) {
            vectors.add(floats(EmbeddingVectors.normalized(EmbeddingVectors.ofBytes(
                    imageData(image).getBytes(StandardCharsets.US_ASCII), dimensions))));
        }
        ObjectNode out = Json.object().put("id", UUID.nameUUIDFromBytes(body.toString().getBytes(StandardCharsets.UTF_8))
            .toString());
        if (types != null) {
            out.putObject("embeddings").set("float", vectors);
            out.put("response_type", "embeddings_by_type");
        }
        else {
            out.set("embeddings", vectors);
            out.put("response_type", "embeddings_floats");
        }
        if (hasTexts) {
            out.set("texts", echoed);
        }
        return new Answer(out, tokens);
    }

    private static String truncated(String text, @Nullable String truncate) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        if (truncate == null || truncate.equals("NONE")) {
            throw ApiException.validation("Malformed input request: #/texts: a text is " + text.length()
                    + " characters, more than " + MAX_CHARS + "; shorten it or set truncate, please reformat your "
                    + "input and try again.");
        }
        return truncate.equals("START") || truncate.equals("LEFT") ? text.substring(text.length() - MAX_CHARS)
                : text.substring(0, MAX_CHARS);
    }

    /** The base64 part of a {@code data:image/png|jpeg;base64,} URI, checked to be such an image. */
    private static String imageData(String uri) {
        int comma = uri.indexOf(',');
        String header = comma < 0 ? "" : uri.substring(0, comma);
        if (!header.equals("data:image/png;base64") && !header.equals("data:image/jpeg;base64")) {
            throw ApiException.validation("Malformed input request: #/images: an image must be a data URI "
                    + "(data:image/png;base64,... or data:image/jpeg;base64,...), please reformat your input and try again.");
        }
        String data = uri.substring(comma + 1);
        ImageCodec.decode(data, "images");
        return data;
    }

    private static ArrayNode floats(double[] vector) {
        ArrayNode array = Json.array();
        for (double v : vector) {
            array.add((float) v);
        }
        return array;
    }
}
