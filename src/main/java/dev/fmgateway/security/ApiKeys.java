package dev.fmgateway.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import dev.fmgateway.GatewayMode;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.Caller;

/**
 * The configured API keys, known only by their SHA-256. A presented key is hashed and compared with every
 * configured hash in constant time, so neither the match nor its position leaks through timing. Allow-lists are
 * resolved to catalog ids at startup; a name the catalog does not know stops the start, as does {@code aws} mode
 * without keys unless {@code gateway.security.allow-anonymous} is true.
 */
@Component
class ApiKeys {

    private final List<Entry> entries = new ArrayList<>();

    private final boolean allowAnonymous;

    ApiKeys(SecurityProperties properties, ModelCatalog catalog, GatewayMode mode) {
        this.allowAnonymous = properties.allowAnonymous();
        if (mode == GatewayMode.AWS && properties.keys().isEmpty() && !properties.allowAnonymous()) {
            throw new IllegalStateException("gateway.mode=aws needs API keys (gateway.security.keys) "
                    + "or gateway.security.allow-anonymous=true to run open");
        }
        Set<String> names = new HashSet<>();
        for (SecurityProperties.Key key : properties.keys()) {
            if (!names.add(key.name())) {
                throw new IllegalStateException("Two API keys are named '" + key.name() + "'");
            }
            Caller caller = new Caller(key.name(), key.team(), key.admin(), catalogIds(key, catalog));
            this.entries.add(new Entry(KeyHash.parse(key.sha256()), caller));
        }
    }

    /** Whether no keys are configured at all: any or no key is served as the anonymous admin. */
    boolean open() {
        return this.entries.isEmpty();
    }

    /** Whether callers must present a key: keys are configured and anonymous access is not allowed. */
    boolean required() {
        return !this.entries.isEmpty() && !this.allowAnonymous;
    }

    /** The caller for a request without a key: everyone is admin on an open gateway, nobody when keys exist. */
    Caller anonymous() {
        return open() ? Caller.anonymous() : new Caller(Caller.ANONYMOUS, null, false, Set.of());
    }

    /** The caller whose key this is, or null for an unknown key. */
    @Nullable Caller authenticate(String presentedKey) {
        byte[] hash = KeyHash.of(presentedKey);
        Caller found = null;
        for (Entry entry : this.entries) {
            if (MessageDigest.isEqual(entry.sha256(), hash) && found == null) {
                found = entry.caller();
            }
        }
        return found;
    }

    private static Set<String> catalogIds(SecurityProperties.Key key, ModelCatalog catalog) {
        return key.allowedModels().stream().map(name -> {
            CatalogModel model = catalog.find(name);
            if (model == null) {
                throw new IllegalStateException(
                        "API key '" + key.name() + "': allowed model '" + name + "' is not in the catalog");
            }
            return model.id();
        }).collect(Collectors.toUnmodifiableSet());
    }

    private record Entry(byte[] sha256, Caller caller) {
    }
}
