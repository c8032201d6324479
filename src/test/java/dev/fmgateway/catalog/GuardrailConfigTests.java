package dev.fmgateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** A guardrail in the configuration is checked as Bedrock checks guardrailConfig, so a bad one stops the start. */
class GuardrailConfigTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void takesIdsArnsDraftAndVersionNumbers() {
        assertThat(this.validator.validate(new Guardrail("abc123", "DRAFT", false))).isEmpty();
        assertThat(this.validator.validate(
                new Guardrail("arn:aws:bedrock:eu-central-1:123456789012:guardrail/abc123", "42", true)))
            .isEmpty();
    }

    @Test
    void refusesOtherIdentifiersAndVersions() {
        assertThat(this.validator.validate(new Guardrail("My_Guardrail", "DRAFT", false)))
            .extracting(violation -> violation.getPropertyPath().toString())
            .containsExactly("identifier");
        assertThat(this.validator.validate(new Guardrail("abc123", "0", false)))
            .extracting(violation -> violation.getPropertyPath().toString())
            .containsExactly("version");
        assertThat(this.validator.validate(new Guardrail("abc123", "draft", false))).hasSize(1);
    }
}
