package dev.fmgateway.provider.bedrock;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.EmbeddingInput;
import dev.fmgateway.invocation.EmbeddingResult;
import dev.fmgateway.provider.TokenCounts;
import tools.jackson.databind.JsonNode;

/** The native InvokeModel body of one embedding family. */
interface EmbeddingCodec {

    PayloadFamily family();

    Object request(EmbeddingInput input);

    /** The call's vectors, one per text of the input; an answer that does not have them fails the call. */
    EmbeddingResult response(JsonNode body, TokenCounts headers, EmbeddingInput input, String modelId);

    static float[] vector(JsonNode embedding) {
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return vector;
    }
}
