package dev.fmgateway.invocation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.catalog.Guardrail;

/**
 * Who is calling: the API key's configured name (never the key itself), its team, whether it may see everyone's
 * usage, the catalog ids of the models it may call ({@code null} = every model; an empty set = none), and the
 * guardrail its key puts on chat calls, if any.
 */
public record Caller(String keyName, @Nullable String team, boolean admin, @Nullable Set<String> allowedModels,
        @Nullable Guardrail guardrail) {

    public static final String ANONYMOUS = "anonymous";

    public Caller {
        allowedModels = allowedModels == null ? null : Set.copyOf(allowedModels);
    }

    /** A caller whose key names no guardrail. */
    public Caller(String keyName, @Nullable String team, boolean admin, @Nullable Set<String> allowedModels) {
        this(keyName, team, admin, allowedModels, null);
    }

    /** The caller when no API keys are configured (open access). */
    public static Caller anonymous() {
        return new Caller(ANONYMOUS, null, true, null);
    }

    public boolean mayUse(String modelId) {
        return this.allowedModels == null || this.allowedModels.contains(modelId);
    }
}
