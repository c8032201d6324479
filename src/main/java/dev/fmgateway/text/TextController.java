package dev.fmgateway.text;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.web.CallContexts;
import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/text/generations}. */
@RestController
@Tag(name = "Text")
class TextController {

    private static final Set<Capability> TEXT = Set.of(Capability.TEXT_GENERATION, Capability.CHAT);

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    private final TextStreamer streamer;

    TextController(ModelCatalog catalog, ModelInvoker invoker, TextStreamer streamer) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.streamer = streamer;
    }

    @PostMapping(path = "/v1/text/generations", consumes = "application/json",
            produces = { "application/json", "text/event-stream" })
    @Operation(operationId = "generateText", summary = "Generate text",
            description = "Generates text from a `prompt` or a `messages` conversation with a TEXT_GENERATION or "
                    + "CHAT model, with tools, image parts, a response format, reasoning and cache points where the "
                    + "model has those features (else 422 CAPABILITY_NOT_SUPPORTED naming the feature). With "
                    + "`\"stream\": true` the answer is `text/event-stream` (see the TextStreamDelta, "
                    + "TextStreamToolCallStart, TextStreamToolCallInput, TextStreamReasoning, "
                    + "TextStreamReasoningSignature and TextStreamDone schemas); a failure before the first event is a normal "
                    + "problem response, after it one `error` event carrying the problem object.")
    @ApiResponse(responseCode = "200", description = "The generated text (JSON), or its stream of events when "
            + "`stream` is true", content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = TextGenerationResponse.class)),
                @Content(mediaType = "text/event-stream", schema = @Schema(type = "string",
                        description = "Server-Sent Events: `event: delta` with a TextStreamDelta as data, as the "
                                + "model produces text; then one `event: done` with a TextStreamDone, or one "
                                + "`event: error` with a Problem"),
                        examples = @ExampleObject(name = "stream", value = TextStreamDocs.EXAMPLE)) })
    @Nullable ResponseEntity<TextGenerationResponse> generate(@Valid @RequestBody TextGenerationRequest request,
            @Parameter(description = "AWS region to call the model in, when the body names none",
                    example = "eu-central-1") @RequestHeader(name = "X-Gateway-Region",
                            required = false) @Nullable String regionHeader,
            HttpServletResponse response) {
        CatalogModel model = this.catalog.require(request.model(), TEXT);
        TextPrompts.Prepared prepared = TextPrompts.prepare(request, model);
        TextPrompt prompt = prepared.prompt();
        CallContext context = CallContexts.current(request.region(), regionHeader);
        if (Boolean.TRUE.equals(request.stream())) {
            this.streamer.stream(model, prompt, prepared.warnings(), context, response);
            return null;
        }
        long started = System.nanoTime();
        Completion<TextResult> completion;
        JsonNode parsed = null;
        if (prompt.responseFormat() != null) {
            StructuredOutput.Answer answer = StructuredOutput.generate(this.invoker, model, prompt, context);
            completion = answer.completion();
            parsed = answer.parsed();
        }
        else {
            completion = this.invoker.invoke(model, prompt, context);
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(TextGenerationResponse.of(completion, latencyMs, parsed, prepared.warnings()));
    }
}
