package dev.fmgateway.emulator;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Titan Embeddings G1 Text, Text V2 and Multimodal G1: reference §6.5. */
final class TitanEmbeddings implements InvokeOnlyFamily {

    private static final Set<Long> V2_DIMENSIONS = Set.of(256L, 512L, 1024L);
    private static final Set<Long> IMAGE_DIMENSIONS = Set.of(256L, 384L, 1024L);

    @Override
    public Answer invoke(ObjectNode body, BedrockModel model) {
        if (model.family() == BedrockModel.Family.TITAN_EMBED_IMAGE) {
            return multimodal(body);
        }
        return model.baseId().equals("amazon.titan-embed-text-v2:0") ? textV2(body) : textV1(body);
    }

    private static Answer textV1(ObjectNode body) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("inputText"));
        String text = requiredText(checks, body, 50_000);
        checks.throwIfAny();
        int tokens = Tokenizer.count(text);
        ObjectNode out = Json.object();
        out.set("embedding", floats(EmbeddingVectors.ofText(text, 1536)));
        out.put("inputTextTokenCount", tokens);
        return new Answer(out, tokens);
    }

    private static Answer textV2(ObjectNode body) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("inputText", "dimensions", "normalize", "embeddingTypes"));
        String text = requiredText(checks, body, 50_000);
        Long dimensions = checks.integer("#", body, "dimensions", false, 1, 1024);
        if (dimensions != null && !V2_DIMENSIONS.contains(dimensions)) {
            checks.add("#/dimensions: " + dimensions + " is not a valid enum value");
        }
        Boolean normalize = checks.bool("#", body, "normalize", false);
        List<String> types = checks.strings("#", body, "embeddingTypes", false, 2);
        if (types != null) {
            if (types.isEmpty()) {
                checks.add("#/embeddingTypes: expected minimum item count: 1, found: 0");
            }
            types.stream().filter(t -> !t.equals("float") && !t.equals("binary"))
                    .forEach(t -> checks.add("#/embeddingTypes: " + t + " is not a valid enum value"));
        }
        checks.throwIfAny();
        double[] vector = EmbeddingVectors.ofText(text, dimensions == null ? 1024 : dimensions.intValue());
        if (normalize == null || normalize) {
            vector = EmbeddingVectors.normalized(vector);
        }
        List<String> wanted = types == null ? List.of("float") : types;
        int tokens = Tokenizer.count(text);
        ObjectNode out = Json.object();
        if (wanted.contains("float")) {
            out.set("embedding", floats(vector));
        }
        out.put("inputTextTokenCount", tokens);
        ObjectNode byType = out.putObject("embeddingsByType");
        if (wanted.contains("float")) {
            byType.set("float", floats(vector));
        }
        if (wanted.contains("binary")) {
            ArrayNode bits = byType.putArray("binary");
            for (double v : vector) {
                bits.add(v > 0 ? 1 : 0);
            }
        }
        return new Answer(out, tokens);
    }

    private static Answer multimodal(ObjectNode body) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("inputText", "inputImage", "embeddingConfig"));
        String text = checks.string("#", body, "inputText", false);
        String image = checks.string("#", body, "inputImage", false);
        ObjectNode config = checks.object("#", body, "embeddingConfig", false);
        Long length = null;
        if (config != null) {
            checks.onlyKeys("#/embeddingConfig", config, Set.of("outputEmbeddingLength"));
            length = checks.integer("#/embeddingConfig", config, "outputEmbeddingLength", false, 1, 1024);
            if (length != null && !IMAGE_DIMENSIONS.contains(length)) {
                checks.add("#/embeddingConfig/outputEmbeddingLength: " + length + " is not a valid enum value");
            }
        }
        checks.throwIfAny();
        if (text == null && image == null) {
            throw ApiException.validation("Malformed input request: #: at least one of [inputText, inputImage] is required, "
                    + "please reformat your input and try again.");
        }
        int dimensions = length == null ? 1024 : length.intValue();
        double[] vector = null;
        if (text != null) {
            vector = EmbeddingVectors.ofText(text, dimensions);
        }
        if (image != null) {
            ImageCodec.decode(image, "inputImage");
            double[] imageVector = EmbeddingVectors.ofBytes(image.getBytes(java.nio.charset.StandardCharsets.US_ASCII), dimensions);
            vector = vector == null ? imageVector : EmbeddingVectors.average(vector, imageVector);
        }
        int tokens = text == null ? 0 : Tokenizer.count(text);
        ObjectNode out = Json.object();
        out.set("embedding", floats(EmbeddingVectors.normalized(vector)));
        out.put("inputTextTokenCount", tokens);
        return new Answer(out, tokens);
    }

    private static String requiredText(JsonChecks checks, ObjectNode body, int maxLength) {
        String text = checks.string("#", body, "inputText", true, maxLength);
        if (text != null && text.isEmpty()) {
            checks.add("#/inputText: expected minLength: 1, actual: 0");
        }
        return text;
    }

    private static ArrayNode floats(double[] vector) {
        ArrayNode array = Json.array();
        for (double v : vector) {
            array.add((float) v);
        }
        return array;
    }
}
