package dev.fmgateway.invocation;

/** Why a model stopped producing text. */
public enum FinishReason {

    STOP, LENGTH, STOP_SEQUENCE, CONTENT_FILTER, TOOL_USE

}
