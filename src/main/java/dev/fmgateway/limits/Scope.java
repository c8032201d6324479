package dev.fmgateway.limits;

/**
 * What a limit applies to, with the id it is keyed by: an API key's name, a team, a catalog model id, or a key and
 * a model ({@code key/model}).
 */
public record Scope(Kind kind, String id) {

    /** The kinds of scope, with their short prefix in counter names. */
    public enum Kind {
        KEY("k"), TEAM("t"), MODEL("m"), KEY_MODEL("km");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The name shown in {@code GET /v1/usage} and metrics. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The part of a counter's name that identifies this scope, e.g. {@code k:alice}. */
    String counterName() {
        return this.kind.prefix + ":" + this.id;
    }

    @Override
    public String toString() {
        return this.kind.wireName() + " " + this.id;
    }
}
