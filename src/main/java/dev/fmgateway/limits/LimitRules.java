package dev.fmgateway.limits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.fmgateway.invocation.Caller;

/**
 * The limits of {@code config/limits.yaml}: by key name, team, model id and key × model. A call is held to every
 * limit that names it.
 *
 * <pre>
 * keys:
 *   alice: { requests-per-minute: 60, tokens-per-minute: 40000, concurrent: 4, budget: { usd: 5, per: day } }
 * teams:
 *   research: { budget: { usd: 200, per: month } }
 * models:
 *   claude-haiku-4-5: { requests-per-minute: 600 }
 * key-models:
 *   alice: { claude-haiku-4-5: { tokens-per-minute: 10000 } }
 * </pre>
 */
public record LimitRules(Map<Scope, Limit> limits) {

    private static final Set<String> SECTIONS = Set.of("keys", "teams", "models", "key-models");

    private static final Set<String> FIELDS = Set.of("requests-per-minute", "tokens-per-minute", "concurrent",
            "budget");

    public LimitRules {
        limits = Map.copyOf(limits);
    }

    public static LimitRules none() {
        return new LimitRules(Map.of());
    }

    public boolean isEmpty() {
        return this.limits.isEmpty();
    }

    /** The limits that hold for a call of {@code caller} to {@code modelId}, broadest scope last. */
    public List<ScopedLimit> forCall(Caller caller, String modelId) {
        List<ScopedLimit> applied = new ArrayList<>(4);
        add(applied, new Scope(Scope.Kind.KEY_MODEL, caller.keyName() + "/" + modelId));
        add(applied, new Scope(Scope.Kind.KEY, caller.keyName()));
        add(applied, new Scope(Scope.Kind.MODEL, modelId));
        if (caller.team() != null) {
            add(applied, new Scope(Scope.Kind.TEAM, caller.team()));
        }
        return applied;
    }

    private void add(List<ScopedLimit> applied, Scope scope) {
        Limit limit = this.limits.get(scope);
        if (limit != null) {
            applied.add(new ScopedLimit(scope, limit));
        }
    }

    /** Parses the file's text; an unknown section or field, or a value that is not positive, is an error. */
    public static LimitRules parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (root == null) {
            return none();
        }
        Map<String, Object> sections = map(root, "the file");
        Map<Scope, Limit> limits = new LinkedHashMap<>();
        sections.forEach((section, value) -> {
            if (!SECTIONS.contains(section)) {
                throw new IllegalArgumentException("Unknown section '" + section + "' (expected " + SECTIONS + ")");
            }
            if (value == null) {
                return;
            }
            map(value, section).forEach((name, body) -> {
                switch (section) {
                    case "keys" -> limits.put(new Scope(Scope.Kind.KEY, name), limit(body, "keys." + name));
                    case "teams" -> limits.put(new Scope(Scope.Kind.TEAM, name), limit(body, "teams." + name));
                    case "models" -> limits.put(new Scope(Scope.Kind.MODEL, name), limit(body, "models." + name));
                    default -> map(body, "key-models." + name).forEach((model, modelBody) -> limits.put(
                            new Scope(Scope.Kind.KEY_MODEL, name + "/" + model),
                            limit(modelBody, "key-models." + name + "." + model)));
                }
            });
        });
        return new LimitRules(limits);
    }

    private static Limit limit(@Nullable Object body, String where) {
        Map<String, Object> fields = map(body, where);
        for (String field : fields.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "' in " + where + " (expected "
                        + FIELDS + ")");
            }
        }
        return new Limit(count(fields.get("requests-per-minute"), where + ".requests-per-minute"),
                count(fields.get("tokens-per-minute"), where + ".tokens-per-minute"),
                count(fields.get("concurrent"), where + ".concurrent"), budget(fields.get("budget"), where + ".budget"));
    }

    private static Limit.@Nullable Budget budget(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        Map<String, Object> fields = map(value, where);
        if (!Set.of("usd", "per").containsAll(fields.keySet()) || !fields.containsKey("usd")) {
            throw new IllegalArgumentException(where + " takes 'usd' and 'per' (day or month)");
        }
        BigDecimal usd;
        try {
            usd = new BigDecimal(String.valueOf(fields.get("usd")));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(where + ".usd is not a number: " + fields.get("usd"));
        }
        if (usd.signum() < 0) {
            throw new IllegalArgumentException(where + ".usd must not be negative");
        }
        String per = String.valueOf(fields.getOrDefault("per", "day")).toUpperCase(Locale.ROOT);
        if (!per.equals("DAY") && !per.equals("MONTH")) {
            throw new IllegalArgumentException(where + ".per must be day or month, not " + fields.get("per"));
        }
        return new Limit.Budget(usd, Limit.BudgetPeriod.valueOf(per));
    }

    private static @Nullable Long count(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1) {
            throw new IllegalArgumentException(where + " must be a whole number of at least 1, not " + value);
        }
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** A limit with the scope it belongs to. */
    public record ScopedLimit(Scope scope, Limit limit) {
    }
}
