package dev.fmgateway.text;

import java.util.List;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.web.InvalidRequestException;

/** Builds the provider-neutral prompt, applying the model's output limits before any upstream call. */
public final class TextPrompts {

    static final int FALLBACK_MAX_TOKENS = 512;

    private TextPrompts() {
    }

    public static TextPrompt of(TextGenerationRequest request, CatalogModel model) {
        if (Boolean.TRUE.equals(request.stream()) && !model.streaming()) {
            throw new StreamingNotSupportedException(model);
        }
        return new TextPrompt(request.prompt(),
                request.messages() != null ? TextController.messages(request.messages()) : List.of(),
                request.system(), maxTokens(request, model), request.temperature(), request.topP(),
                request.stopSequences() != null ? request.stopSequences() : List.of());
    }

    private static int maxTokens(TextGenerationRequest request, CatalogModel model) {
        Limits limits = model.limits();
        Integer ceiling = limits.maxOutputTokens();
        if (request.maxTokens() != null) {
            if (ceiling != null && request.maxTokens() > ceiling) {
                throw new InvalidRequestException("maxTokens",
                        "must be at most " + ceiling + " for model '" + model.id() + "'");
            }
            return request.maxTokens();
        }
        int fallback = limits.defaultOutputTokens() != null ? limits.defaultOutputTokens() : FALLBACK_MAX_TOKENS;
        return ceiling != null ? Math.min(fallback, ceiling) : fallback;
    }
}
