package dev.fmgateway.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Produces the synthetic completion. The reply cycles through the words of the source text in order
 * until it holds {@code max(5, min(2 × words, 40))} words, separated by spaces, and ends with ".". It
 * is generated one token at a time: it stops early when {@code maxTokens} tokens were produced
 * ({@link Finish#LENGTH}) or when the text produced so far contains a stop sequence, in which case
 * the text is cut before the stop sequence ({@link Finish#STOP}). The output token count is the
 * number of tokens produced, including those that completed a stop sequence.
 */
final class TextGenerator {

    private static final String FALLBACK_WORD = "emulated";

    private TextGenerator() {
    }

    enum Finish {
        /** The reply came to its natural end. */
        END,
        /** {@code maxTokens} reached. */
        LENGTH,
        /** A stop sequence appeared. */
        STOP
    }

    /**
     * @param text the reply
     * @param outputTokens tokens produced (billing count)
     * @param finish why it ended
     * @param stopSequence the stop sequence that ended it, for {@link Finish#STOP}
     */
    record Generation(String text, int outputTokens, Finish finish, @Nullable String stopSequence) {

        /** Stream deltas; they concatenate to {@link #text()}. */
        List<String> deltas() {
            return Tokenizer.pieces(text);
        }
    }

    static Generation generate(String source, int maxTokens, List<String> stopSequences) {
        return generate(source, maxTokens, stopSequences, 0);
    }

    /** As above, starting the word cycle {@code offset} words later (for several return sequences). */
    static Generation generate(String source, int maxTokens, List<String> stopSequences, int offset) {
        List<String> words = Tokenizer.words(source);
        if (words.isEmpty()) {
            words = List.of(FALLBACK_WORD);
        }
        int length = Math.max(5, Math.min(2 * words.size(), 40));
        StringBuilder text = new StringBuilder();
        int produced = 0;
        for (int i = 0; i <= length; i++) {
            if (produced >= maxTokens) {
                return new Generation(text.toString(), produced, Finish.LENGTH, null);
            }
            text.append(i == length ? "." : (i == 0 ? "" : " ") + words.get((i + offset) % words.size()));
            produced++;
            int cut = -1;
            String matched = null;
            for (String stop : stopSequences) {
                int at = stop.isEmpty() ? -1 : text.indexOf(stop);
                if (at >= 0 && (cut < 0 || at < cut)) {
                    cut = at;
                    matched = stop;
                }
            }
            if (matched != null) {
                return new Generation(text.substring(0, cut), produced, Finish.STOP, matched);
            }
        }
        return new Generation(text.toString(), produced, Finish.END, null);
    }
}
