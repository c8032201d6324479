package dev.fmgateway.invocation;

/**
 * A text generation whose output is pushed to {@code sink} as the model produces it. The call returns the final
 * {@link TextResult} (full text, finish reason, usage from the stream's own metadata) once the stream ends, so
 * metering treats streamed and plain calls alike.
 */
public record TextStream(TextPrompt prompt, TextDeltaSink sink) implements InferenceRequest<TextResult> {

    @Override
    public Class<TextResult> resultType() {
        return TextResult.class;
    }
}
