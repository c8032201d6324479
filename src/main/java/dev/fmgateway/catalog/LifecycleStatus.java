package dev.fmgateway.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a model is in its provider's lifecycle. */
@Schema(enumAsRef = true)
public enum LifecycleStatus {

    /** Served and supported. */
    ACTIVE,

    /** Still served, but the provider announced its end; responses carry Deprecation/Sunset headers. */
    LEGACY,

    /** No longer served by the provider's public backend. */
    RETIRED

}
