package dev.fmgateway.text;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.ChatMessage;

/** Body of {@code POST /v1/text/generations}: a raw {@code prompt} or a {@code messages} conversation. */
record TextGenerationRequest(@NotBlank @Size(max = 256) String model, @Nullable @Size(max = 400_000) String prompt,
        @Nullable @Size(min = 1, max = 1000) List<@Valid @NotNull Message> messages,
        @Nullable @Size(max = 100_000) String system, @Nullable @Min(1) @Max(200_000) Integer maxTokens,
        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double temperature,
        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double topP,
        @Nullable @Size(max = 16) List<@NotBlank @Size(max = 200) String> stopSequences,
        @Nullable @Size(max = 32) String region, @Nullable Boolean stream) {

    @AssertTrue(message = "give either prompt or messages, not both")
    boolean isPromptOrMessages() {
        return (this.prompt == null) != (this.messages == null);
    }

    record Message(@NotNull ChatMessage.Role role, @NotNull @Size(max = 400_000) String content) {
    }
}
