package dev.fmgateway.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model catalog as configured under {@code gateway.catalog.models.<id>} (see {@code config/models.yaml}).
 */
@Validated
@ConfigurationProperties("gateway.catalog")
public record CatalogProperties(@DefaultValue Map<String, @Valid Entry> models) {

    /**
     * One catalog model.
     *
     * @param name display name
     * @param vendor who made the model
     * @param backend the AWS service that serves it
     * @param family the native payload format
     * @param upstreamId Bedrock model id or inference profile, or SageMaker endpoint name
     * @param aliases other ids callers may use (the upstream id is always one)
     * @param capabilities what it can do
     * @param streaming whether it can stream text
     * @param languages languages the vendor states
     * @param regions where it can be called
     * @param defaultRegion region used when the caller pins none (the first region if unset)
     * @param limits input and output limits
     * @param pricing prices per region
     * @param lifecycle lifecycle status
     * @param description one line for the catalog
     */
    public record Entry(@NotBlank String name, @NotBlank String vendor, @NotNull Backend backend,
            @NotNull PayloadFamily family, @NotBlank String upstreamId, @DefaultValue List<String> aliases,
            @NotEmpty Set<Capability> capabilities, @DefaultValue("false") boolean streaming,
            @DefaultValue List<String> languages, @NotEmpty List<String> regions, @Nullable String defaultRegion,
            @Nullable Limits limits, @Nullable Pricing pricing, @Nullable Lifecycle lifecycle,
            @Nullable String description) {
    }
}
