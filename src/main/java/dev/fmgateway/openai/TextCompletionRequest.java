package dev.fmgateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.text.TextGenerationRequest;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /openai/v1/completions} (OpenAI's legacy prompt-style API). {@code prompt} is a string, or an
 * array holding one string; token arrays, {@code suffix}, {@code logprobs}, {@code best_of} > 1 and penalties are
 * refused by name. Without {@code max_tokens} the model's default applies (not OpenAI's 16).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TextCompletionRequest(@Nullable @Size(max = ChatCompletionRequest.MAX_ID) String model, @Nullable JsonNode prompt, @Nullable Integer maxTokens,
        @Nullable Double temperature, @Nullable Double topP,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> stop,
        @Nullable Integer n, @Nullable Boolean stream, ChatCompletionRequest.@Nullable StreamOptions streamOptions,
        @Nullable Boolean echo, @Nullable String suffix, @Nullable Integer logprobs, @Nullable Integer bestOf,
        @Nullable JsonNode logitBias, @Nullable Double presencePenalty, @Nullable Double frequencyPenalty,
        @Nullable @Size(max = ChatCompletionRequest.MAX_REGION) String region,
        @Nullable @Size(max = ChatCompletionRequest.MAX_ID) String user) {

    boolean streaming() {
        return Boolean.TRUE.equals(this.stream);
    }

    boolean includeUsage() {
        return this.streamOptions != null && Boolean.TRUE.equals(this.streamOptions.includeUsage());
    }

    boolean echoes() {
        return Boolean.TRUE.equals(this.echo);
    }

    int choices() {
        return this.n != null ? this.n : 1;
    }

    TextGenerationRequest toGateway() {
        refuseUnsupported();
        String prompt = promptText();
        if (prompt == null) {
            throw new InvalidRequestException("prompt", "is required");
        }
        return new TextGenerationRequest(this.model, prompt, null, null, this.maxTokens, this.temperature,
                this.topP, this.stop, this.region, this.stream, null, null, null, null);
    }

    /** The prompt as text; absent stays null so that validation reports it. */
    @Nullable String promptText() {
        if (!ChatCompletionRequest.present(this.prompt)) {
            return null;
        }
        JsonNode single = this.prompt;
        if (this.prompt.isArray()) {
            UnsupportedParameterException.refuseIf(this.prompt.size() != 1, "prompt",
                    "prompt must be a string or an array of exactly one string");
            single = this.prompt.get(0);
        }
        UnsupportedParameterException.refuseIf(!single.isString(), "prompt",
                "prompt must be text; token arrays are not supported");
        return single.asString();
    }

    private void refuseUnsupported() {
        UnsupportedParameterException.refuseIf(this.suffix != null && !this.suffix.isEmpty(), "suffix",
                "suffix (insertion) is not supported");
        UnsupportedParameterException.refuseIf(this.logprobs != null && this.logprobs > 0, "logprobs",
                "log probabilities are not supported");
        UnsupportedParameterException.refuseIf(this.bestOf != null && this.bestOf > 1, "best_of",
                "best_of > 1 is not supported");
        UnsupportedParameterException.refuseIf(ChatCompletionRequest.present(this.logitBias) && !this.logitBias.isEmpty(),
                "logit_bias", "logit_bias is not supported");
        UnsupportedParameterException.refuseIf(this.presencePenalty != null && this.presencePenalty != 0,
                "presence_penalty", "penalties are not supported; leave presence_penalty unset or 0");
        UnsupportedParameterException.refuseIf(this.frequencyPenalty != null && this.frequencyPenalty != 0,
                "frequency_penalty", "penalties are not supported; leave frequency_penalty unset or 0");
        UnsupportedParameterException.refuseIf(choices() < 1 || choices() > OpenAiTexts.MAX_CHOICES, "n",
                "n must be between 1 and " + OpenAiTexts.MAX_CHOICES);
        UnsupportedParameterException.refuseIf(choices() > 1 && streaming(), "n",
                "n > 1 is not supported with stream: true");
    }
}
