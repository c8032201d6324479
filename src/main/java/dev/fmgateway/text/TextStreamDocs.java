package dev.fmgateway.text;

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

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        ModelConverters converters = ModelConverters.getInstance();
        converters.readAll(new AnnotatedType(SseWriter.Delta.class)).forEach(openApi.getComponents()::addSchemas);
        converters.readAll(new AnnotatedType(TextStreamer.Done.class)).forEach(openApi.getComponents()::addSchemas);
    }
}
