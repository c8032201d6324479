package dev.fmgateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Where the gateway sends its calls ({@code gateway.mode}): to AWS, or to the emulator that only the development
 * build carries. Read once, in any case; unset means {@code aws}, so a packaged gateway never answers with synthetic
 * output unless told to. Every component reads the mode through this type.
 */
public enum GatewayMode {

    AWS, EMULATOR;

    public static final String PROPERTY = "gateway.mode";

    /** The mode the environment sets; a value that names no mode stops the start, listing the valid ones. */
    public static GatewayMode of(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }

    static GatewayMode parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return AWS;
        }
        for (GatewayMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalStateException("gateway.mode '" + value + "' is not a mode; use one of: " + Arrays
            .stream(values()).map(GatewayMode::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
