package dev.fmgateway.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

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
 * that the gateway cannot honour (tools, log probabilities, penalties, JSON modes, audio) are refused by name.
 * What agent frameworks send by default and that changes nothing is accepted: {@code tools: []},
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
        @Nullable Double frequencyPenalty, @Nullable JsonNode audio, @Nullable List<String> modalities) {

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

    /** The same request in the gateway's terms; system and developer messages become {@code system}. */
    TextGenerationRequest toGateway() {
        refuseUnsupported();
        List<String> system = new ArrayList<>();
        List<TextGenerationRequest.Message> turns = new ArrayList<>();
        if (this.messages == null || this.messages.isEmpty()) {
            throw new InvalidRequestException("messages", "is required: give at least one message");
        }
        List<Message> given = this.messages;
        for (int i = 0; i < given.size(); i++) {
            Message message = given.get(i);
            String text = message.text(i);
            switch (message.role() != null ? message.role() : "") {
                case "system", "developer" -> system.add(text);
                case "user" -> turns.add(new TextGenerationRequest.Message(TextGenerationRequest.Role.USER, text));
                case "assistant" -> turns.add(new TextGenerationRequest.Message(TextGenerationRequest.Role.ASSISTANT, text));
                case "tool", "function" -> throw new UnsupportedParameterException("messages",
                        "messages[" + i + "]: role '" + message.role() + "' is not supported: the gateway does no tool calling");
                default -> throw new UnsupportedParameterException("messages", "messages[" + i
                        + "]: role must be system, developer, user or assistant, not '" + message.role() + "'");
            }
        }
        if (turns.isEmpty()) {
            throw new InvalidRequestException("messages", "must hold at least one user or assistant message");
        }
        return new TextGenerationRequest(this.model, null, turns,
                system.isEmpty() ? null : String.join("\n\n", system),
                this.maxCompletionTokens != null ? this.maxCompletionTokens : this.maxTokens, this.temperature,
                this.topP, this.stop, this.region, this.stream, null, null, null, null);
    }

    private void refuseUnsupported() {
        String noTools = "tool and function calling is not supported by the gateway";
        // Frameworks send an empty tool list and "none" (or "auto") by default: with no tools they change nothing.
        UnsupportedParameterException.refuseIf(nonEmpty(this.tools), "tools", noTools);
        UnsupportedParameterException.refuseIf(present(this.toolChoice) && !noToolCall(this.toolChoice),
                "tool_choice", noTools);
        UnsupportedParameterException.refuseIf(nonEmpty(this.functions), "functions", noTools);
        UnsupportedParameterException.refuseIf(present(this.functionCall) && !noToolCall(this.functionCall),
                "function_call", noTools);
        UnsupportedParameterException.refuseIf(present(this.responseFormat)
                && !"text".equals(this.responseFormat.path("type").asString("text")), "response_format",
                "only response_format {\"type\": \"text\"} is supported");
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

    /** One message; {@code content} is a string or an array of content parts, of which only text is supported. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Message(@Nullable String role, @Nullable JsonNode content, @Nullable JsonNode toolCalls) {

        String text(int index) {
            UnsupportedParameterException.refuseIf(present(this.toolCalls), "messages",
                    "messages[" + index + "].tool_calls: tool calling is not supported");
            if (this.content == null || this.content.isNull()) {
                throw new UnsupportedParameterException("messages", "messages[" + index + "].content is required");
            }
            if (this.content.isString()) {
                return this.content.asString();
            }
            if (!this.content.isArray()) {
                throw new UnsupportedParameterException("messages",
                        "messages[" + index + "].content must be a string or an array of text parts");
            }
            // Separate parts stay separate, as separate content blocks do upstream: one line each.
            StringJoiner text = new StringJoiner("\n");
            for (JsonNode part : this.content) {
                if (!"text".equals(part.path("type").asString(""))) {
                    throw new UnsupportedParameterException("messages", "messages[" + index + "].content: only text "
                            + "parts are supported, not '" + part.path("type").asString("") + "'");
                }
                text.add(part.path("text").asString(""));
            }
            return text.toString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StreamOptions(@Nullable Boolean includeUsage) {
    }
}
