package dev.fmgateway.invocation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {

    public enum Role {

        @JsonProperty("user")
        USER,

        @JsonProperty("assistant")
        ASSISTANT

    }
}
