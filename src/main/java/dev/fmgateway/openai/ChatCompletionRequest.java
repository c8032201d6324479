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
 * Body of {@code POST /openai/v1/chat/completions}. Fields OpenAI SDKs send that do not change the answer
 * ({@code user}, {@code seed}, {@code store}, {@code metadata}, ...) are ignored; fields that would change it and
 * that the gateway cannot honour (log probabilities, penalties, audio, the deprecated functions API) are refused
 * by name. What agent frameworks send by default and that changes nothing is accepted: {@code tools: []},
 * {@code functions: []}, and {@code tool_choice} {@code "none"} or {@code "auto"} without tools.
 * {@code region} is the gateway's extension. {@code model}, {@code user} and {@code region} have a length limit.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ChatCompletionRequest(@Nullable @Size(max = MAX_ID) String model, @Nullable List<Message> messages, @Nullable Double temperature,
        @Nullable Double topP, @Nullable Integer maxTokens, @Nullable Integer maxCompletionTokens,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> stop,
        @Nullable Integer n, @Nullable Boolean stream, @Nullable StreamOptions streamOptions,
        @Nullable @Size(max = MAX_REGION) String region, @Nullable @Size(max = MAX_ID) String user,
        @Nullable JsonNode tools, @Nullable JsonNode toolChoice, @Nullable JsonNode functions,
        @Nullable JsonNode functionCall, @Nullable JsonNode responseFormat, @Nullable Boolean logprobs,
        @Nullable Integer topLogprobs, @Nullable JsonNode logitBias, @Nullable Double presencePenalty,
        @Nullable Double frequencyPenalty, @Nullable JsonNode audio, @Nullable List<String> modalities,
        @Nullable Boolean parallelToolCalls, @Nullable String reasoningEffort) {

    /** Longest model id, {@code user} and other id fields; as the gateway's own routes. */
    static final int MAX_ID = 256;

    /** Longest region name, as the gateway's own routes. */
    static final int MAX_REGION = 32;

    boolean streaming() {
        return Boolean.TRUE.equals(this.stream);
    }

    boolean includeUsage() {
        return this.streamOptions != null && Boolean.TRUE.equals(this.streamOptions.includeUsage());
    }

    int choices() {
        return this.n != null ? this.n : 1;
    }

    /**
     * The same request in the gateway's terms: messages with content parts, function tools, tool choice,
     * response format and reasoning budget, which then get the native route's checks.
     */
    TextGenerationRequest toGateway(ImageUrls images) {
        refuseUnsupported();
        if (this.messages == null || this.messages.isEmpty()) {
            throw new InvalidRequestException("messages", "is required: give at least one message");
        }
        ChatMessages.Translated translated = new ChatMessages(images).translate(this.messages);
        List<TextGenerationRequest.ToolBody> offered = ChatTools.tools(this.tools);
        JsonNode choice = ChatTools.choice(this.toolChoice, offered);
        Integer budget = ChatTools.reasoningBudget(this.reasoningEffort);
        Integer maxTokens = this.maxCompletionTokens != null ? this.maxCompletionTokens : this.maxTokens;
        if (budget != null && maxTokens == null) {
            maxTokens = budget + ChatTools.ANSWER_TOKENS;
        }
        return new TextGenerationRequest(this.model, null, translated.turns(), translated.system(), maxTokens,
                this.temperature, this.topP, this.stop, this.region, this.stream, offered.isEmpty() ? null : offered,
                choice, ChatTools.responseFormat(this.responseFormat),
                budget != null ? new TextGenerationRequest.ReasoningBody(budget) : null);
    }

    /** {@code parallel_tool_calls: false}: the answer carries at most one tool call. */
    boolean singleToolCall() {
        return Boolean.FALSE.equals(this.parallelToolCalls);
    }

    private void refuseUnsupported() {
        String noFunctions = "the deprecated functions API is not supported; use tools";
        UnsupportedParameterException.refuseIf(nonEmpty(this.functions), "functions", noFunctions);
        UnsupportedParameterException.refuseIf(present(this.functionCall) && !noToolCall(this.functionCall),
                "function_call", noFunctions);
        UnsupportedParameterException.refuseIf(Boolean.TRUE.equals(this.logprobs), "logprobs",
                "log probabilities are not supported");
        UnsupportedParameterException.refuseIf(this.topLogprobs != null && this.topLogprobs > 0, "top_logprobs",
                "log probabilities are not supported");
        UnsupportedParameterException.refuseIf(present(this.logitBias) && !this.logitBias.isEmpty(), "logit_bias",
                "logit_bias is not supported");
        UnsupportedParameterException.refuseIf(this.presencePenalty != null && this.presencePenalty != 0,
                "presence_penalty", "penalties are not supported; leave presence_penalty unset or 0");
        UnsupportedParameterException.refuseIf(this.frequencyPenalty != null && this.frequencyPenalty != 0,
                "frequency_penalty", "penalties are not supported; leave frequency_penalty unset or 0");
        UnsupportedParameterException.refuseIf(present(this.audio), "audio", "audio output is not supported");
        UnsupportedParameterException.refuseIf(this.modalities != null && !List.of("text").containsAll(this.modalities),
                "modalities", "only the text modality is supported");
        UnsupportedParameterException.refuseIf(choices() < 1 || choices() > OpenAiTexts.MAX_CHOICES, "n",
                "n must be between 1 and " + OpenAiTexts.MAX_CHOICES);
        UnsupportedParameterException.refuseIf(choices() > 1 && streaming(), "n",
                "n > 1 is not supported with stream: true");
    }

    static boolean present(@Nullable JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static boolean nonEmpty(@Nullable JsonNode node) {
        return present(node) && !(node.isArray() && node.isEmpty());
    }

    /** {@code "none"}, or {@code "auto"} (which, with no tools, also calls none). */
    private static boolean noToolCall(JsonNode choice) {
        return choice.isString() && List.of("none", "auto").contains(choice.asString());
    }

    /** One message; {@code content} is a string or an array of content parts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Message(@Nullable String role, @Nullable JsonNode content, @Nullable JsonNode toolCalls,
            @Nullable JsonNode toolCallId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamOptions(@Nullable Boolean includeUsage) {
    }
}
