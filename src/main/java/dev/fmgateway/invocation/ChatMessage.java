package dev.fmgateway.invocation;

import java.util.List;
import java.util.stream.Collectors;

/** One turn of a conversation: its parts in order. */
public record ChatMessage(Role role, List<ContentPart> parts) {

    public ChatMessage {
        parts = List.copyOf(parts);
    }

    /** A turn that is only text. */
    public ChatMessage(Role role, String text) {
        this(role, List.of(new ContentPart.Text(text)));
    }

    /** The text parts, joined by newlines (what families that take plain text are sent). */
    public String text() {
        return this.parts.stream()
            .filter(ContentPart.Text.class::isInstance)
            .map(part -> ((ContentPart.Text) part).text())
            .collect(Collectors.joining("\n"));
    }

    /** Whether every part is text (or a cache point, which plain-text families may ignore). */
    public boolean plainText() {
        return this.parts.stream().allMatch(part -> part instanceof ContentPart.Text || part instanceof ContentPart.CachePoint);
    }

    /** Who said it. */
    public enum Role {

        USER, ASSISTANT

    }
}
