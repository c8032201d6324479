package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;

final class Chunks {

    private Chunks() {
    }

    /** Joins every {@code size} consecutive pieces; always at least one (possibly empty) chunk. */
    static List<String> group(List<String> pieces, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i += size) {
            out.add(String.join("", pieces.subList(i, Math.min(pieces.size(), i + size))));
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
