package dev.fmgateway.text;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.fmgateway.invocation.FinishReason;

/** A {@link FinishReason} under its wire name ({@code stop}, {@code length}, ...). */
@Schema(name = "FinishReason", enumAsRef = true)
enum FinishReasonView {

    STOP, LENGTH, STOP_SEQUENCE, CONTENT_FILTER, TOOL_USE;

    static FinishReasonView of(FinishReason reason) {
        return switch (reason) {
            case STOP -> STOP;
            case LENGTH -> LENGTH;
            case STOP_SEQUENCE -> STOP_SEQUENCE;
            case CONTENT_FILTER -> CONTENT_FILTER;
            case TOOL_USE -> TOOL_USE;
        };
    }

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
