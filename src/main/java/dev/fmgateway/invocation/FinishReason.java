package dev.fmgateway.invocation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a model stopped producing text. */
public enum FinishReason {

    STOP, LENGTH, STOP_SEQUENCE, CONTENT_FILTER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
