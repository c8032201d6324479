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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.fmgateway.invocation.ChatMessage;

/**
 * Body of {@code POST /v1/text/generations}: a raw {@code prompt} or a {@code messages} conversation. Public so that
 * other dialects of the route (the OpenAI-compatible one) translate into it and get the same validation.
 */
@Schema(description = "A text generation request: give either `prompt` or `messages`, not both.")
public record TextGenerationRequest(
        @Schema(description = "Catalog id or alias of a TEXT_GENERATION or CHAT model (GET /v1/models)",
                example = "claude-haiku-4-5") @NotBlank @Size(max = 256) String model,
        @Schema(description = "A raw prompt, sent as one user turn (or as the model's native prompt)",
                example = "Write a haiku about the sea") @Nullable @Size(max = 400_000) String prompt,
        @ArraySchema(arraySchema = @Schema(description = "A conversation, oldest turn first; the model family's "
                + "codec renders it in its own format; an empty array counts as absent")) @Nullable @Size(
                        max = 1000) List<@Valid @NotNull Message> messages,
        @Schema(description = "System instructions", example = "Answer in one sentence.")
        @Nullable @Size(max = 100_000) String system,
        @Schema(description = "Most tokens to generate; defaults to the model's default output tokens and may not "
                + "exceed its limit (catalog `limits`)", example = "200") @Nullable @Min(1) @Max(200_000) Integer maxTokens,
        @Schema(description = "Sampling temperature", example = "0.5") @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double temperature,
        @Schema(description = "Nucleus sampling: the probability mass to sample from", example = "0.9")
        @Nullable @DecimalMin("0.0") @DecimalMax("1.0") Double topP,
        @ArraySchema(arraySchema = @Schema(description = "Sequences that end the output (not part of it); "
                + "`finishReason` is then `stop_sequence`"), schema = @Schema(example = "\n\nHuman:"))
        @Nullable @Size(max = 16) List<@NotBlank @Size(max = 200) String> stopSequences,
        @Schema(description = "AWS region to call the model in; overrides the X-Gateway-Region header and the "
                + "model's default region", example = "us-east-1") @Nullable @Size(max = 32) String region,
        @Schema(description = "Answer as Server-Sent Events (`text/event-stream`): `delta` events, then one `done` "
                + "event (or one `error` event)", defaultValue = "false") @Nullable Boolean stream,
        @ArraySchema(arraySchema = @Schema(description = "Functions the model may call; its calls come back in "
                + "`toolCalls` with `finishReason` `tool_use`")) @Nullable @Size(max = 128) List<@Valid @NotNull ToolBody> tools,
        @Schema(description = "`\"auto\"` (default), `\"any\"` (some tool), `\"none\"`, or `{\"name\": ...}` to force one "
                + "tool", example = "auto") @Nullable JsonNode toolChoice,
        @Schema(description = "The answer must be JSON valid against this schema; it comes back parsed in `parsed`")
        @Nullable @Valid ResponseFormatBody responseFormat,
        @Schema(description = "Let the model reason first (models with the reasoning feature); the reasoning comes "
                + "back in `reasoning` and must be passed back unchanged in the next assistant turn")
        @Nullable @Valid ReasoningBody reasoning) {

    // Clients generated from the spec send optional arrays as [] rather than leaving them out: [] means absent.
    // The two checks are reported under the field they are about ("isPrompt" is the property "prompt").
    @AssertTrue(message = "is required: give prompt or messages (a non-empty list)")
    boolean isPrompt() {
        return this.prompt != null || !noMessages();
    }

    @AssertTrue(message = "give either prompt or messages, not both")
    boolean isMessages() {
        return this.prompt == null || noMessages();
    }

    private boolean noMessages() {
        return this.messages == null || this.messages.isEmpty();
    }

    @Schema(name = "TextMessage", description = "One turn of a conversation")
    public record Message(@Schema(description = "Who said it", example = "user") @NotNull Role role,
            @Schema(description = "What was said: a string, or a list of parts (TextContentPart)", example = "What is a foundation model?") @NotNull JsonNode content) {

        /** A turn that is one text. */
        public Message(Role role, String text) {
            this(role, JsonNodeFactory.instance.stringNode(text));
        }

        ChatMessage.Role chatRole() {
            return this.role.chatRole;
        }
    }

    /**
     * A tool the model may call.
     *
     * @param name {@code [a-zA-Z0-9_-]}, 1 to 64 characters
     * @param description what it does, for the model
     * @param inputSchema JSON Schema of its input, an object schema
     */
    @Schema(name = "TextTool", description = "A function the model may call")
    public record ToolBody(@Schema(example = "get_weather") @NotBlank @Pattern(regexp = "[a-zA-Z0-9_-]{1,64}") String name,
            @Schema(example = "Current weather in a city") @Nullable @Size(max = 10_000) String description,
            @Schema(description = "JSON Schema of the input (type object)", example = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")
            @NotNull JsonNode inputSchema) {
    }

    /** The JSON Schema the answer must validate against. */
    @Schema(name = "TextResponseFormat", description = "The answer must be JSON valid against `schema`")
    public record ResponseFormatBody(
            @Schema(description = "A JSON Schema (type object)", example = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")
            @NotNull JsonNode schema,
            @Schema(description = "A name for it", example = "city") @Nullable @Pattern(regexp = "[a-zA-Z0-9_-]{1,64}") String name) {
    }

    /** A reasoning budget. */
    @Schema(name = "TextReasoning", description = "Tokens the model may spend reasoning before it answers")
    public record ReasoningBody(@Schema(description = "At least 1024 and less than maxTokens", example = "2048")
            @NotNull @Min(1024) @Max(200_000) Integer budgetTokens) {
    }

    /** A {@link ChatMessage.Role} under its wire name. */
    @Schema(name = "Role", enumAsRef = true, description = "Who said it")
    public enum Role {

        @JsonProperty("user")
        USER(ChatMessage.Role.USER),

        @JsonProperty("assistant")
        ASSISTANT(ChatMessage.Role.ASSISTANT);

        private final ChatMessage.Role chatRole;

        Role(ChatMessage.Role chatRole) {
            this.chatRole = chatRole;
        }
    }
}
