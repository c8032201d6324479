package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's deterministic tokenizer: a token is a run of word characters or a single other
 * non-space character (regex {@code \w+|[^\w\s]}, Unicode-aware). "Hello, world!" is 4 tokens. All token
 * counts the emulator reports (headers, usage bodies, stream metrics) use it.
 */
final class Tokenizer {

    static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    /** Chat-template markers that carry no words: {@code <|eot_id|>}, {@code [INST]}, {@code <s>}, {@code <<SYS>>}. */
    private static final Pattern MARKUP = Pattern.compile("<\\|[^|]*\\|>|\\[/?INST]|</?s>|<</?SYS>>");

    private Tokenizer() {
    }

    static int count(String text) {
        Matcher matcher = TOKEN.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            out.add(matcher.group());
        }
        return out;
    }

    /** The words of a prompt, chat-template markers removed. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher matcher = WORD.matcher(MARKUP.matcher(text).replaceAll(" "));
        while (matcher.find()) {
            out.add(matcher.group());
        }
        return out;
    }

    /**
     * Splits text into pieces that concatenate back to it, one piece per token (with the whitespace in
     * front of it); trailing whitespace sticks to the last piece. Used for stream deltas.
     */
    static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        int from = 0;
        while (matcher.find()) {
            out.add(text.substring(from, matcher.end()));
            from = matcher.end();
        }
        if (from < text.length()) {
            if (out.isEmpty()) {
                out.add(text.substring(from));
            }
            else {
                out.set(out.size() - 1, out.getLast() + text.substring(from));
            }
        }
        return out;
    }
}
