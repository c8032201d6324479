package dev.fmgateway.anthropic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Anthropic Messages surface.
 *
 * @param modelAliases model names the catalog does not know, as glob patterns ({@code *} matches anything), to
 * the catalog model that serves them, e.g. {@code "[claude-opus-*]": claude-opus-4-1} (brackets keep the
 * {@code *} in a YAML key); the longest matching pattern wins
 * @param allowedBetas the {@code anthropic-beta} values passed on to Bedrock (as body {@code anthropic_beta});
 * others are dropped, since Bedrock refuses a whole request for one beta it does not know
 */
@ConfigurationProperties("gateway.anthropic")
record AnthropicProperties(Map<String, String> modelAliases, List<String> allowedBetas) {

    /** Betas Claude on Bedrock documents; used when {@code allowed-betas} is not set. */
    static final List<String> BEDROCK_BETAS = List.of("computer-use-2024-10-22", "computer-use-2025-01-24",
            "token-efficient-tools-2025-02-19", "interleaved-thinking-2025-05-14", "output-128k-2025-02-19",
            "context-1m-2025-08-07", "context-management-2025-06-27", "fine-grained-tool-streaming-2025-05-14",
            "effort-2025-11-24");

    AnthropicProperties(@Nullable Map<String, String> modelAliases, @Nullable List<String> allowedBetas) {
        this.modelAliases = modelAliases == null ? Map.of() : new LinkedHashMap<>(modelAliases);
        this.allowedBetas = allowedBetas == null ? BEDROCK_BETAS : List.copyOf(allowedBetas);
    }
}
