package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /openai/v1/embeddings}: {@code input} is a string or an array of strings (token arrays are
 * refused); {@code encoding_format} is {@code float} (the API's default) or {@code base64} (what the official SDKs
 * ask for and decode by default).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record EmbeddingsRequest(@Nullable @Size(max = ChatCompletionRequest.MAX_ID) String model, @Nullable JsonNode input,
        @Nullable String encodingFormat, @Nullable Integer dimensions,
        @Nullable @Size(max = ChatCompletionRequest.MAX_REGION) String region,
        @Nullable @Size(max = ChatCompletionRequest.MAX_ID) String user) {

    static final int MAX_INPUTS = 256;

    static final int MAX_CHARS = 50_000;

    boolean base64() {
        UnsupportedParameterException.refuseIf(this.encodingFormat != null
                && !List.of("float", "base64").contains(this.encodingFormat), "encoding_format",
                "encoding_format must be float or base64");
        return "base64".equals(this.encodingFormat);
    }

    String requiredModel() {
        if (this.model == null || this.model.isBlank()) {
            throw new InvalidRequestException("model", "is required");
        }
        return this.model;
    }

    List<String> texts() {
        if (!ChatCompletionRequest.present(this.input)) {
            throw new InvalidRequestException("input", "is required");
        }
        List<JsonNode> items = new ArrayList<>();
        if (this.input.isArray()) {
            this.input.forEach(items::add);
        }
        else {
            items.add(this.input);
        }
        if (items.isEmpty() || items.size() > MAX_INPUTS) {
            throw new InvalidRequestException("input", "must hold 1 to " + MAX_INPUTS + " items");
        }
        List<String> texts = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            UnsupportedParameterException.refuseIf(!item.isString(), "input",
                    "input must be a string or an array of strings; token arrays are not supported");
            if (item.asString().length() > MAX_CHARS) {
                throw new InvalidRequestException("input", "items must be at most " + MAX_CHARS + " characters");
            }
            texts.add(item.asString());
        }
        return texts;
    }
}
