package dev.fmgateway.invocation;

import org.jspecify.annotations.Nullable;

/**
 * Whether and which tool the model must call.
 *
 * @param mode auto (the model decides), any (some tool), none (no tool), or named
 * @param name the tool, for {@link Mode#NAMED}
 */
public record ToolChoice(Mode mode, @Nullable String name) {

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);

    public static ToolChoice named(String name) {
        return new ToolChoice(Mode.NAMED, name);
    }

    /** The modes a caller can ask for. */
    public enum Mode {

        AUTO, ANY, NONE, NAMED

    }
}
