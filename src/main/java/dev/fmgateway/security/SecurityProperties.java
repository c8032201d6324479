package dev.fmgateway.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the gateway.
 *
 * @param allowAnonymous whether requests without a key are served; {@code aws} mode refuses to start without keys
 * unless this is true
 * @param keys the API keys, each known only by the SHA-256 of its secret
 */
@Validated
@ConfigurationProperties("gateway.security")
record SecurityProperties(boolean allowAnonymous, @Nullable List<@Valid Key> keys) {

    SecurityProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * One API key.
     *
     * @param name shown in the usage ledger and logs in place of the key
     * @param team owning team, for reports
     * @param sha256 lower- or upper-case hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     * @param admin whether the key sees everyone's usage and the endpoint cost report
     * @param allowedModels catalog ids or aliases the key may call; empty means every model
     */
    record Key(@NotBlank String name, @Nullable String team,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256)") String sha256,
            boolean admin, @Nullable Set<String> allowedModels) {

        Key {
            allowedModels = allowedModels == null ? Set.of() : Set.copyOf(allowedModels);
        }
    }
}
