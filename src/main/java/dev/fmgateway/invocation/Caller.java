package dev.fmgateway.invocation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the API key's configured name (never the key itself), its team, whether it may see everyone's
 * usage, and the models it may call (empty = all).
 */
public record Caller(String keyName, @Nullable String team, boolean admin, Set<String> allowedModels) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        allowedModels = Set.copyOf(allowedModels);
    }

    /** The caller when no API keys are configured (open access). */
    public static Caller anonymous() {
        return new Caller(ANONYMOUS, null, true, Set.of());
    }

    public boolean mayUse(String modelId) {
        return this.allowedModels.isEmpty() || this.allowedModels.contains(modelId);
    }
}
