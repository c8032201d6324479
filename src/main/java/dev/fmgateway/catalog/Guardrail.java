package dev.fmgateway.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Bedrock guardrail applied to chat calls (Converse {@code guardrailConfig}), named in the catalog for a model or in
 * the security configuration for an API key (the key's wins). Checked at start as Bedrock checks the request.
 *
 * @param identifier the guardrail's id or ARN
 * @param version {@code DRAFT} or a version number
 * @param trace whether Bedrock returns the guardrail's trace ({@code trace: enabled})
 */
public record Guardrail(
        @NotBlank @Pattern(regexp = "[a-z0-9]+|arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+",
                message = "must be a guardrail id or ARN") String identifier,
        @NotBlank @Pattern(regexp = "DRAFT|[1-9][0-9]{0,7}", message = "must be DRAFT or a version number")
        String version,
        @DefaultValue("false") boolean trace) {
}
