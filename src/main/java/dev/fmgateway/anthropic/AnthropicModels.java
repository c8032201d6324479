package dev.fmgateway.anthropic;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.catalog.PayloadFamily;

/**
 * The catalog's Claude models as this surface names them. A name resolves to a catalog model by its id or alias
 * (Anthropic's published names, dated or not, are aliases in {@code config/models.yaml}), else by the first of
 * {@code gateway.anthropic.model-aliases} (longest pattern first) it matches. Only models with a Bedrock deployment
 * speaking the Claude Messages body serve it.
 */
@Component
class AnthropicModels {

    static final String ALIASES_SETTING = "gateway.anthropic.model-aliases";

    private static final Pattern DATE = Pattern.compile("-(20\\d\\d)(\\d\\d)(\\d\\d)-");

    private final ModelCatalog catalog;

    private final Map<Pattern, String> wildcards = new LinkedHashMap<>();

    AnthropicModels(ModelCatalog catalog, AnthropicProperties properties) {
        this.catalog = catalog;
        properties.modelAliases()
            .entrySet()
            .stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
            .forEach(e -> {
                if (catalog.find(e.getValue()) == null) {
                    throw new IllegalStateException(ALIASES_SETTING + "." + e.getKey() + " names '" + e.getValue()
                            + "', which is not in the model catalog");
                }
                this.wildcards.put(glob(e.getKey()), e.getValue());
            });
    }

    /** The catalog model serving a name a caller sent, or a not_found_error naming the setting for new names. */
    CatalogModel resolve(String name) {
        return target(name).model();
    }

    /**
     * A resolved name.
     *
     * @param model the catalog model that serves it
     * @param byPattern whether a {@code model-aliases} pattern chose it (the caller had another model in mind)
     */
    record Target(CatalogModel model, boolean byPattern) {
    }

    /** Like {@link #resolve}, also telling whether a pattern chose the model. */
    Target target(String name) {
        CatalogModel model = this.catalog.find(name);
        boolean byPattern = false;
        if (model == null) {
            String target = wildcard(name);
            model = target != null ? this.catalog.find(target) : null;
            byPattern = model != null;
        }
        if (model == null) {
            throw AnthropicError.notFound("model: " + name + " is not a model of this gateway. Known Claude models: "
                    + String.join(", ", claude().stream().map(CatalogModel::id).toList())
                    + ". The operator can map names newer than the catalog to one of them with " + ALIASES_SETTING
                    + " (e.g. \"[claude-opus-*]\": claude-opus-4-1).");
        }
        if (!servesMessages(model)) {
            throw AnthropicError.invalid("model: " + name + " is not a Claude Messages model on Bedrock; this surface "
                    + "serves only those (the gateway's /v1 routes serve the others).");
        }
        return new Target(model, byPattern);
    }

    /** The catalog's models that serve this surface, in catalog order. */
    List<CatalogModel> claude() {
        return this.catalog.all().stream().filter(AnthropicModels::servesMessages).toList();
    }

    /** {@code created_at}: the date in the model's Bedrock id, if it has one. */
    static String createdAt(CatalogModel model) {
        Matcher date = DATE.matcher(model.upstreamId());
        return date.find() ? date.group(1) + "-" + date.group(2) + "-" + date.group(3) + "T00:00:00Z"
                : "1970-01-01T00:00:00Z";
    }

    private @Nullable String wildcard(String name) {
        return this.wildcards.entrySet()
            .stream()
            .filter(e -> e.getKey().matcher(name).matches())
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    }

    private static boolean servesMessages(CatalogModel model) {
        return model.deployments()
            .stream()
            .anyMatch(d -> d.backend() == Backend.BEDROCK && d.family() == PayloadFamily.ANTHROPIC_MESSAGES);
    }

    private static Pattern glob(String pattern) {
        List<String> parts = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE);
    }
}
