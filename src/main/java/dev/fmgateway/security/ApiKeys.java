package dev.fmgateway.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * without keys unless {@code gateway.security.allow-anonymous} is true, a key named {@code anonymous} (the name
 * of callers without a key) and the example hash of {@code password} that older docs showed.
 * <p>
 * Keys are configured as hashes, so their length cannot be checked at start; instead a presented key shorter than
 * {@link #MIN_KEY_LENGTH} characters is refused before it is hashed, so a short secret can never authenticate.
 */
@Component
public class ApiKeys {

    /** Shortest key accepted: {@code openssl rand -base64 32} gives 44 characters. */
    public static final int MIN_KEY_LENGTH = 32;

    /** SHA-256 of {@code password}, the example hash older versions of config/application.yaml showed. */
    private static final String PASSWORD_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    private final List<Entry> entries = new ArrayList<>();

    private final Map<String, Caller> byAccessKeyId = new HashMap<>();

    private final boolean allowAnonymous;

    private final Set<String> anonymousModels;

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
            if (key.name().trim().toLowerCase(Locale.ROOT).equals(Caller.ANONYMOUS)) {
                throw new IllegalStateException("An API key may not be named '" + key.name()
                        + "': 'anonymous' is the name of callers without a key in the usage ledger");
            }
            if (key.sha256().equalsIgnoreCase(PASSWORD_SHA256)) {
                throw new IllegalStateException("API key '" + key.name() + "' is the SHA-256 of 'password' (the old "
                        + "documentation example); generate a key with: openssl rand -base64 32");
            }
            Set<String> allowed = key.allowedModels().isEmpty() ? null
                    : catalogIds("API key '" + key.name() + "'", key.allowedModels(), catalog);
            Caller caller = new Caller(key.name(), key.team(), key.admin(), allowed, key.guardrail());
            this.entries.add(new Entry(KeyHash.parse(key.sha256()), caller));
            if (key.accessKeyId() != null && this.byAccessKeyId.put(key.accessKeyId(), caller) != null) {
                throw new IllegalStateException("Two API keys have the access key id " + key.accessKeyId());
            }
        }
        this.anonymousModels = catalogIds("gateway.security.anonymous", properties.anonymous().allowedModels(),
                catalog);
    }

    /** Whether no keys are configured at all: any or no key is served as the anonymous admin. */
    public boolean open() {
        return this.entries.isEmpty();
    }

    /** Whether callers must present a key: keys are configured and anonymous access is not allowed. */
    public boolean required() {
        return !this.entries.isEmpty() && !this.allowAnonymous;
    }

    /**
     * The caller for a request without a key: admin with every model on an open gateway; where keys exist, not
     * admin and only the models of {@code gateway.security.anonymous.allowed-models} (none by default).
     */
    public Caller anonymous() {
        return open() ? Caller.anonymous() : new Caller(Caller.ANONYMOUS, null, false, this.anonymousModels);
    }

    /** The caller whose key this is, or null for an unknown key. */
    public @Nullable Caller authenticate(String presentedKey) {
        byte[] hash = KeyHash.of(presentedKey);
        Caller found = null;
        for (Entry entry : this.entries) {
            if (MessageDigest.isEqual(entry.sha256(), hash) && found == null) {
                found = entry.caller();
            }
        }
        return found;
    }

    /** The caller whose key has these SigV4 credentials, or null for an unknown access key id. */
    public @Nullable Caller byAccessKeyId(String accessKeyId) {
        return this.byAccessKeyId.get(accessKeyId);
    }

    /** Whether any key has SigV4 credentials. */
    public boolean issuesCredentials() {
        return !this.byAccessKeyId.isEmpty();
    }

    private static Set<String> catalogIds(String owner, Set<String> names, ModelCatalog catalog) {
        return names.stream().map(name -> {
            CatalogModel model = catalog.find(name);
            if (model == null) {
                throw new IllegalStateException(owner + ": allowed model '" + name + "' is not in the catalog");
            }
            return model.id();
        }).collect(Collectors.toUnmodifiableSet());
    }

    private record Entry(byte[] sha256, Caller caller) {
    }
}
