package dev.fmgateway.catalog;

/** Where a model is in its provider's lifecycle. */
public enum LifecycleStatus {

    /** Served and supported. */
    ACTIVE,

    /** Still served, but the provider announced its end; responses carry Deprecation/Sunset headers. */
    LEGACY,

    /** No longer served by the provider's public backend. */
    RETIRED

}
