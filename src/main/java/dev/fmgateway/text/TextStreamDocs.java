package dev.fmgateway.text;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the data shapes of the text stream's events into the spec's schemas: the {@code text/event-stream}
 * response itself can only be described as a string, but clients that parse the events want the models.
 */
@Component
class TextStreamDocs implements OpenApiCustomizer {

    static final String EXAMPLE = """
            event: delta
            data: {"text":"A foundation"}

            event: delta
            data: {"text":" model is"}

            event: done
            data: {"model":"claude-haiku-4-5","region":"us-east-1","finishReason":"stop",\
            "usage":{"inputTokens":12,"outputTokens":48,"estimated":false},"cost":{"usd":0.000252,"estimated":false},\
            "latencyMs":1830}

            """;

    /** The parts a message's content list holds (read by {@link ChatParts}; described here for clients). */
    @Schema(name = "TextContentPart", description = "One part of a message's content: `text` {text}; `image` "
            + "{mediaType, base64} (user turns; PNG, JPEG, GIF or WebP, at most 3.75 MB, 8000 px a side, 20 per "
            + "request); `document` {format, name, base64} (user turns beside a text part, models with the documents "
            + "feature; pdf, csv, doc, docx, xls, xlsx, html, txt or md whose bytes are that format, at most 4.5 MB, 5 "
            + "per request; name: letters, digits, single spaces, hyphens, parentheses, square brackets, 1 to 200); "
            + "`toolUse` {id, name, input} (assistant turns); `toolResult` {toolUseId, content, isError} "
            + "(user turns, answering an earlier toolUse); `reasoning` {text, signature} (assistant turns, passed back "
            + "unchanged); `cachePoint` {} (what comes before may be cached)")
    record ContentPartDoc(
            @Schema(allowableValues = { "text", "image", "document", "toolUse", "toolResult", "reasoning", "cachePoint" },
                    requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(description = "text, reasoning") String text,
            @Schema(description = "image", example = "image/png") String mediaType,
            @Schema(description = "image, document: the bytes, base64") String base64,
            @Schema(description = "document", example = "pdf") String format,
            @Schema(description = "toolUse", example = "tooluse_01") String id,
            @Schema(description = "toolUse: the tool; document: its name", example = "get_weather") String name,
            @Schema(description = "toolUse: the tool's input, a JSON object") Object input,
            @Schema(description = "toolResult", example = "tooluse_01") String toolUseId,
            @Schema(description = "toolResult: a string or any JSON value") Object content,
            @Schema(description = "toolResult: the tool failed", defaultValue = "false") Boolean isError,
            @Schema(description = "reasoning: as the model gave it") String signature) {
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        ModelConverters converters = ModelConverters.getInstance();
        converters.readAll(new AnnotatedType(SseWriter.Delta.class)).forEach(openApi.getComponents()::addSchemas);
        converters.readAll(new AnnotatedType(TextStreamer.Done.class)).forEach(openApi.getComponents()::addSchemas);
        for (Class<?> type : List.of(SseWriter.ToolCallStart.class, SseWriter.ToolCallInput.class,
                SseWriter.ReasoningText.class, SseWriter.ReasoningSignature.class, ContentPartDoc.class)) {
            converters.readAll(new AnnotatedType(type)).forEach(openApi.getComponents()::addSchemas);
        }
    }
}
