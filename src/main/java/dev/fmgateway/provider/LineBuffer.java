package dev.fmgateway.provider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles lines from stream parts: a container may split one JSON line (or one UTF-8 character) across
 * PayloadParts, so bytes are held until a newline completes the line.
 */
public final class LineBuffer {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds a part and returns the lines it completed, without their line ends. */
    public List<String> add(byte[] part) {
        List<String> lines = new ArrayList<>();
        for (byte b : part) {
            if (b == '\n') {
                lines.add(drain());
            }
            else {
                this.pending.write(b);
            }
        }
        return lines;
    }

    /** What is left after the stream ended (a last line without a newline). */
    public String rest() {
        return drain();
    }

    private String drain() {
        String line = this.pending.toString(StandardCharsets.UTF_8);
        this.pending.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
