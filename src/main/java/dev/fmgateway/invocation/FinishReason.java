package dev.fmgateway.invocation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** Why a model stopped producing text. */
@Schema(enumAsRef = true)
public enum FinishReason {

    STOP, LENGTH, STOP_SEQUENCE, CONTENT_FILTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
