package dev.fmgateway.catalog;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a chat model accepts beyond text turns. A request using a feature the model lacks is refused with
 * {@code 422 CAPABILITY_NOT_SUPPORTED} naming it, before any upstream call.
 *
 * @param tools function tools
 * @param streamingTools tools in a streamed call
 * @param forcedToolChoice {@code toolChoice} {@code any} or a named tool (some models only take {@code auto})
 * @param imageInput image parts in user turns
 * @param documents document parts
 * @param reasoning a reasoning budget (extended thinking)
 * @param promptCaching cache points; without it they are dropped, and the answer says so
 * @param cacheMinTokens fewest tokens before a cache point for it to cache anything (the provider's minimum)
 * @param structuredOutput a response format is honoured: enforced by forcing a tool whose input schema is the
 * requested schema (forced where the model takes a forced tool choice), the answer validated before it is sent
 */
public record ChatFeatures(@DefaultValue("false") boolean tools, @DefaultValue("false") boolean streamingTools,
        @DefaultValue("false") boolean forcedToolChoice, @DefaultValue("false") boolean imageInput,
        @DefaultValue("false") boolean documents, @DefaultValue("false") boolean reasoning,
        @DefaultValue("false") boolean promptCaching, @Nullable Integer cacheMinTokens,
        @DefaultValue("false") boolean structuredOutput) {

    public static ChatFeatures none() {
        return new ChatFeatures(false, false, false, false, false, false, false, null, false);
    }
}
