package dev.fmgateway.invocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {

    @Schema(name = "Role", enumAsRef = true, description = "Who said it")
    public enum Role {

        @JsonProperty("user")
        USER,

        @JsonProperty("assistant")
        ASSISTANT

    }
}
