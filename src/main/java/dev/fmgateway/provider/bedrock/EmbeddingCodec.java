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

    EmbeddingResult response(JsonNode body, TokenCounts headers, EmbeddingInput input);

    static float[] vector(JsonNode embedding) {
        float[] vector = new float[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding.get(i).asDouble();
        }
        return vector;
    }
}
