package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Legacy JumpStart text generation (reference §7.2) and AlexaTM 20B, which uses the same JSON format.
 * JSON requests {@code {"text_inputs", "max_length", "num_return_sequences", "num_beams", …}} answer
 * {@code {"generated_texts": […]}} (num_return_sequences per input, inputs in order). The causal
 * JumpStart models return the prompt followed by the continuation and count {@code max_length} including
 * the prompt; AlexaTM (seq2seq, {@code [CLM]} prefix for causal mode) returns only the generated text and
 * uses {@code max_length} as the output cap. The plain JumpStart container also takes
 * {@code application/x-text} (the raw prompt) and answers {@code {"generated_text"}}. Bad input answers
 * 400 {@code {"error": …}}.
 */
final class JumpStartTextContainer implements Container {

    private static final Set<String> KEYS = Set.of("text_inputs", "max_length", "num_return_sequences", "num_beams",
            "no_repeat_ngram_size", "temperature", "early_stopping", "do_sample", "top_k", "top_p", "seed");
    private static final int DEFAULT_MAX_LENGTH = 50;

    private final boolean alexaTm;

    JumpStartTextContainer(boolean alexaTm) {
        this.alexaTm = alexaTm;
    }

    private static Failure invalid(String message) {
        return new Failure(400, Json.text(Json.object().put("error", message)));
    }

    @Override
    public Reply invoke(Request request) {
        if (!alexaTm && request.contentType().startsWith("application/x-text")) {
            String prompt = new String(request.body(), StandardCharsets.UTF_8);
            String text = continuation(prompt, DEFAULT_MAX_LENGTH, 0);
            return new Reply("application/json", Json.bytes(Json.object().put("generated_text", text)));
        }
        if (!request.contentType().startsWith("application/json")) {
            throw new Failure(415, Json.text(Json.object().put("error", "Unsupported content type: " + request.contentType()
                    + (alexaTm ? " (expected application/json)" : " (expected application/json or application/x-text)"))));
        }
        ObjectNode json = ContainerParams.parseObject(request.body(), JumpStartTextContainer::invalid);
        ContainerParams params = new ContainerParams(json, "payload", JumpStartTextContainer::invalid);
        params.only(alexaTm ? KEYS : union(KEYS, Set.of("return_full_text")));
        List<String> inputs = params.stringOrList("text_inputs");
        if (inputs == null || inputs.isEmpty()) {
            throw invalid("'text_inputs' is required");
        }
        Long maxLength = params.integer("max_length", 1, Long.MAX_VALUE);
        Long sequences = params.integer("num_return_sequences", 1, Long.MAX_VALUE);
        Long beams = params.integer("num_beams", 1, Long.MAX_VALUE);
        params.integer("no_repeat_ngram_size", 2, Long.MAX_VALUE);
        params.number("temperature", 0, Double.MAX_VALUE, true);
        params.bool("early_stopping");
        params.bool("do_sample");
        params.integer("top_k", 1, Long.MAX_VALUE);
        params.number("top_p", 0, 1, false);
        params.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Boolean fullText = alexaTm ? Boolean.FALSE : params.bool("return_full_text");
        int n = sequences == null ? 1 : sequences.intValue();
        if (beams != null && beams < n) {
            throw invalid("num_beams (" + beams + ") must be greater than or equal to num_return_sequences (" + n + ")");
        }
        ArrayNode texts = Json.array();
        for (String input : inputs) {
            for (int i = 0; i < n; i++) {
                texts.add(alexaTm ? seq2seq(input, maxLength, i)
                        : fullText == null || fullText ? continuation(input, maxLength == null ? DEFAULT_MAX_LENGTH : maxLength.intValue(), i)
                                : generated(input, maxLength == null ? DEFAULT_MAX_LENGTH : maxLength.intValue(), i));
            }
        }
        ObjectNode out = Json.object();
        out.set("generated_texts", texts);
        return new Reply("application/json", Json.bytes(out));
    }

    /** Prompt + continuation, the whole at most {@code maxLength} tokens. */
    private static String continuation(String prompt, int maxLength, int offset) {
        String generated = generated(prompt, maxLength, offset);
        return generated.isEmpty() ? prompt : prompt + " " + generated;
    }

    private static String generated(String prompt, int maxLength, int offset) {
        int budget = Math.max(0, maxLength - Tokenizer.count(prompt));
        return TextGenerator.generate(prompt, budget, List.of(), offset).text();
    }

    private static String seq2seq(String input, Long maxLength, int offset) {
        String source = input.startsWith("[CLM]") ? input.substring(5) : input;
        return TextGenerator.generate(source, maxLength == null ? Integer.MAX_VALUE : maxLength.intValue(), List.of(), offset).text();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
