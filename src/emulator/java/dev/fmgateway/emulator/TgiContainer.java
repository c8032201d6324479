package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hugging Face text-generation-inference (LLM DLC): reference §7.1. Request {@code {"inputs", "parameters",
 * "stream"}}; answer {@code [{"generated_text"}]} (plus {@code details} when asked). Streaming sends TGI's
 * server-sent events {@code data:{"token":{…},"generated_text":null,"details":null}}, the last one with
 * {@code generated_text} and {@code details} (finish reason, generated tokens, input length). Every third
 * event (and the second) is split across two PayloadParts, as happens on real endpoints. Bad input answers
 * 422 {@code {"error": "Input validation error: …", "error_type": "validation"}}.
 */
final class TgiContainer implements Container {

    private static final int DEFAULT_MAX_NEW_TOKENS = 20;
    private static final Set<String> PARAMETERS = Set.of("best_of", "decoder_input_details", "details", "do_sample",
            "max_new_tokens", "repetition_penalty", "frequency_penalty", "return_full_text", "seed", "stop", "temperature",
            "top_k", "top_n_tokens", "top_p", "truncate", "typical_p", "watermark", "max_length", "num_beams",
            "no_repeat_ngram_size", "early_stopping", "num_return_sequences");

    private record Task(String inputs, int maxNewTokens, List<String> stop, boolean fullText, boolean details, boolean stream) {
    }

    private static Failure invalid(String message) {
        ObjectNode body = Json.object().put("error", "Input validation error: " + message).put("error_type", "validation");
        return new Failure(422, Json.text(body));
    }

    private static void strictlyPositive(ObjectNode parameters, String name) {
        if (parameters.path(name).isNumber() && parameters.get(name).doubleValue() <= 0) {
            throw invalid("`" + name + "` must be strictly positive");
        }
    }

    private static Task parse(byte[] body) {
        ObjectNode json = ContainerParams.parseObject(body, TgiContainer::invalid);
        new ContainerParams(json, "request", TgiContainer::invalid).only(Set.of("inputs", "parameters", "stream"));
        if (!json.path("inputs").isString()) {
            throw invalid("`inputs` must be a string");
        }
        String inputs = json.get("inputs").stringValue();
        if (inputs.isBlank()) {
            throw invalid("`inputs` cannot be empty");
        }
        ObjectNode parameters = json.has("parameters") && json.get("parameters").isObject()
                ? (ObjectNode) json.get("parameters") : Json.object();
        ContainerParams params = new ContainerParams(parameters, "parameters", TgiContainer::invalid);
        params.only(PARAMETERS);
        strictlyPositive(parameters, "temperature");
        strictlyPositive(parameters, "top_k");
        strictlyPositive(parameters, "max_new_tokens");
        Double topP = params.number("top_p", Double.NEGATIVE_INFINITY, Double.MAX_VALUE, false);
        if (topP != null && (topP <= 0 || topP >= 1)) {
            throw invalid("`top_p` must be > 0.0 and < 1.0");
        }
        params.number("temperature", Double.NEGATIVE_INFINITY, Double.MAX_VALUE, false);
        params.integer("top_k", Long.MIN_VALUE, Long.MAX_VALUE);
        Long maxNew = params.integer("max_new_tokens", Long.MIN_VALUE, Long.MAX_VALUE);
        List<String> stop = params.stringOrList("stop");
        if (stop != null && stop.size() > 4) {
            throw invalid("`stop` supports up to 4 stop sequences. Given: " + stop.size());
        }
        Boolean fullText = params.bool("return_full_text");
        Boolean details = params.bool("details");
        Boolean stream = new ContainerParams(json, "request", TgiContainer::invalid).bool("stream");
        return new Task(inputs, maxNew == null ? DEFAULT_MAX_NEW_TOKENS : maxNew.intValue(), stop == null ? List.of() : stop,
                Boolean.TRUE.equals(fullText), Boolean.TRUE.equals(details), Boolean.TRUE.equals(stream));
    }

    @Override
    public Reply invoke(Request request) {
        Task task = parse(request.body());
        TextGenerator.Generation generation = TextGenerator.generate(task.inputs(), task.maxNewTokens(), task.stop());
        ArrayNode out = Json.array();
        ObjectNode item = out.addObject().put("generated_text", (task.fullText() ? task.inputs() : "") + generation.text());
        if (task.details()) {
            item.set("details", details(task, generation));
        }
        return new Reply("application/json", Json.bytes(out));
    }

    @Override
    public Parts stream(Request request) {
        Task task = parse(request.body());
        if (!task.stream()) {
            return new Parts("application/json", List.of(invoke(request).body()));
        }
        TextGenerator.Generation generation = TextGenerator.generate(task.inputs(), task.maxNewTokens(), task.stop());
        List<String> deltas = generation.deltas();
        if (deltas.isEmpty()) {
            deltas = List.of("");
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < deltas.size(); i++) {
            boolean last = i == deltas.size() - 1;
            ObjectNode event = Json.object().put("index", i);
            event.putObject("token").put("id", Math.abs(deltas.get(i).hashCode() % 50000)).put("text", deltas.get(i))
                    .put("logprob", -0.5).put("special", false);
            if (last) {
                event.put("generated_text", (task.fullText() ? task.inputs() : "") + generation.text());
                event.set("details", details(task, generation).put("input_length", Tokenizer.count(task.inputs())));
            }
            else {
                event.putNull("generated_text");
                event.putNull("details");
            }
            event.putNull("top_tokens");
            byte[] line = ("data:" + Json.text(event) + "\n\n").getBytes(StandardCharsets.UTF_8);
            if (i == 1 || i % 3 == 2) {
                int half = line.length / 2;
                parts.add(java.util.Arrays.copyOfRange(line, 0, half));
                parts.add(java.util.Arrays.copyOfRange(line, half, line.length));
            }
            else {
                parts.add(line);
            }
        }
        return new Parts("text/event-stream", parts);
    }

    private static ObjectNode details(Task task, TextGenerator.Generation generation) {
        String reason = switch (generation.finish()) {
            case END -> "eos_token";
            case LENGTH -> "length";
            case STOP -> "stop_sequence";
        };
        return Json.object().put("finish_reason", reason).put("generated_tokens", generation.outputTokens()).putNull("seed");
    }
}
