package dev.fmgateway.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The configured models, looked up by catalog id or any alias (the upstream id is always an alias). Built once
 * at startup; a catalog with dangling references or clashing ids does not start.
 */
@Component
public class ModelCatalog {

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(6);

    private final Map<String, CatalogModel> byId = new LinkedHashMap<>();

    private final Map<String, CatalogModel> byName = new HashMap<>();

    public ModelCatalog(CatalogProperties properties) {
        properties.models().forEach((id, entry) -> this.byId.put(id, CatalogModel.of(id, entry)));
        this.byId.values().forEach(this::index);
        this.byId.values().forEach(this::check);
    }

    public List<CatalogModel> all() {
        return List.copyOf(this.byId.values());
    }

    public @Nullable CatalogModel find(String idOrAlias) {
        return this.byName.get(idOrAlias.toLowerCase(Locale.ROOT));
    }

    /** The model named by the caller, or a 404 listing close matches. */
    public CatalogModel require(String idOrAlias) {
        CatalogModel model = find(idOrAlias);
        if (model == null) {
            throw new UnknownModelException(idOrAlias, closeMatches(idOrAlias));
        }
        return model;
    }

    /** The model named by the caller, if it has at least one of the capabilities; otherwise 404 or 422. */
    public CatalogModel require(String idOrAlias, Set<Capability> anyOf) {
        CatalogModel model = require(idOrAlias);
        if (anyOf.stream().noneMatch(model::can)) {
            throw new CapabilityNotSupportedException(model, anyOf);
        }
        return model;
    }

    private List<String> closeMatches(String wanted) {
        String needle = wanted.toLowerCase(Locale.ROOT);
        record Match(String id, int distance) {
        }
        return this.byId.keySet()
            .stream()
            .map(id -> new Match(id, distance(needle, id)))
            .filter(m -> m.distance() >= 0)
            .sorted(Comparator.comparingInt(Match::distance).thenComparing(Match::id))
            .limit(3)
            .map(Match::id)
            .toList();
    }

    private int distance(String needle, String id) {
        if (id.contains(needle) || needle.contains(id)) {
            return 0;
        }
        return DISTANCE.apply(needle, id);
    }

    private void index(CatalogModel model) {
        register(model.id(), model);
        register(model.upstreamId(), model);
        model.aliases().forEach(alias -> register(alias, model));
    }

    private void register(String name, CatalogModel model) {
        CatalogModel previous = this.byName.putIfAbsent(name.toLowerCase(Locale.ROOT), model);
        if (previous != null && previous != model) {
            throw new IllegalStateException(
                    "Catalog name '" + name + "' is used by both " + previous.id() + " and " + model.id());
        }
    }

    private void check(CatalogModel model) {
        if (!model.offeredIn(model.defaultRegion())) {
            throw new IllegalStateException("Model " + model.id() + ": default region " + model.defaultRegion()
                    + " is not one of its regions " + model.regions());
        }
        String successor = model.lifecycle().successor();
        if (successor != null && !this.byId.containsKey(successor)) {
            throw new IllegalStateException("Model " + model.id() + ": successor " + successor + " is not in the catalog");
        }
    }
}
