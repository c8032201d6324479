package dev.fmgateway.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** A Bedrock family served by InvokeModel only (embeddings, images): no streaming, no Converse. */
interface InvokeOnlyFamily {

    /**
     * @param body native response
     * @param inputTokens for the {@code X-Amzn-Bedrock-Input-Token-Count} header, null when the family reports none
     */
    record Answer(ObjectNode body, @Nullable Integer inputTokens) {
    }

    /** Validates the native body (400 {@link ApiException} when wrong) and answers it. */
    Answer invoke(ObjectNode body, BedrockModel model);
}
