package dev.fmgateway.provider;

import dev.fmgateway.problem.UpstreamErrorException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a model's answer leniently (unknown members are normal); an answer that is not JSON is a 502. */
public final class UpstreamJson {

    private UpstreamJson() {
    }

    public static JsonNode read(JsonMapper json, byte[] body, String modelId) {
        try {
            return json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new UpstreamErrorException(modelId, "the model's answer was not valid JSON");
        }
    }
}
