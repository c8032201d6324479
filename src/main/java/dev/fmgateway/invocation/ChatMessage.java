package dev.fmgateway.invocation;

/** One turn of a conversation. */
public record ChatMessage(Role role, String content) {

    /** Who said it. */
    public enum Role {

        USER, ASSISTANT

    }
}
