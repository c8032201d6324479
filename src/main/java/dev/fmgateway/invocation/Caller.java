package dev.fmgateway.invocation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the API key's configured name (never the key itself), its team, whether it may see everyone's
 * usage, and the catalog ids of the models it may call ({@code null} = every model; an empty set = none).
 */
public record Caller(String keyName, @Nullable String team, boolean admin, @Nullable Set<String> allowedModels) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        allowedModels = allowedModels == null ? null : Set.copyOf(allowedModels);
    }

    /** The caller when no API keys are configured (open access). */
    public static Caller anonymous() {
        return new Caller(ANONYMOUS, null, true, null);
    }

    public boolean mayUse(String modelId) {
        return this.allowedModels == null || this.allowedModels.contains(modelId);
    }
}
