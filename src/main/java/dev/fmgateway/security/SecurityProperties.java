package dev.fmgateway.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.fmgateway.catalog.Guardrail;

/**
 * Who may call the gateway.
 *
 * @param allowAnonymous whether requests without a key are served; {@code aws} mode refuses to start without keys
 * unless this is true
 * @param anonymous what a caller without a key may do when keys are configured and {@code allowAnonymous} is true
 * @param keys the API keys, each known only by the SHA-256 of its secret
 */
@Validated
@ConfigurationProperties("gateway.security")
record SecurityProperties(boolean allowAnonymous, @Nullable @Valid Anonymous anonymous,
        @Nullable List<@Valid Key> keys) {

    /** Longest key name and team: the usage ledger's {@code api_key} and {@code team} columns (VARCHAR(200)). */
    static final int MAX_NAME = 200;

    SecurityProperties {
        anonymous = anonymous == null ? new Anonymous(null) : anonymous;
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * The anonymous caller's rights where keys are configured (without keys the gateway is open and the anonymous
     * caller may call everything).
     *
     * @param allowedModels catalog ids or aliases a caller without a key may call; empty (the default) means none
     */
    record Anonymous(@Nullable Set<String> allowedModels) {

        Anonymous {
            allowedModels = allowedModels == null ? Set.of() : Set.copyOf(allowedModels);
        }
    }

    /**
     * One API key.
     *
     * @param name shown in the usage ledger and logs in place of the key (at most 200 characters; not
     * {@code anonymous})
     * @param team owning team, for reports (at most 200 characters)
     * @param sha256 lower- or upper-case hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum}); the key
     * itself must be at least 32 characters ({@code openssl rand -base64 32})
     * @param admin whether the key sees everyone's usage and the endpoint cost report
     * @param allowedModels catalog ids or aliases the key may call; empty means every model
     * @param accessKeyId the access key id of the key's SigV4 credentials on the native AWS routes, if it has
     * any (the secret is derived from it, see {@code dev.fmgateway.awsnative.IssueCredentials})
     * @param guardrail the Bedrock guardrail the key's chat calls go through (over the catalog's)
     */
    record Key(@NotBlank @Size(max = MAX_NAME) String name, @Nullable @Size(max = MAX_NAME) String team,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (SHA-256)") String sha256,
            boolean admin, @Nullable Set<String> allowedModels,
            @Nullable @Pattern(regexp = "[A-Z0-9]{16,128}", message = "must be 16 to 128 upper-case letters or digits")
            String accessKeyId, @Nullable @Valid Guardrail guardrail) {

        Key {
            allowedModels = allowedModels == null ? Set.of() : Set.copyOf(allowedModels);
        }
    }
}
