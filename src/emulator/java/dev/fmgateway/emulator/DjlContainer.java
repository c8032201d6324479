package dev.fmgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DJL Serving / LMI: reference §7.2. Request {@code {"inputs": "…" | ["…", …], "parameters": {…}}}; a list
 * answers {@code [{"generated_text"}, …]}, a single string {@code {"generated_text"}}. Streaming (with
 * {@code X-Amzn-SageMaker-Accept: application/jsonlines}) sends JSON lines {@code {"outputs": ["piece", …]}}
 * with one piece per input. Bad input answers 400 {@code {"code":400,"type":"BadRequest","message":…}}.
 */
final class DjlContainer implements Container {

    private static final int DEFAULT_MAX_NEW_TOKENS = 30;
    private static final Set<String> PARAMETERS = Set.of("max_new_tokens", "do_sample", "temperature", "top_p", "top_k",
            "repetition_penalty", "return_full_text", "stop_sequences", "seed", "details", "decoder_input_details");

    private record Task(List<String> inputs, boolean list, int maxNewTokens, List<String> stops) {
    }

    private static Failure invalid(String message) {
        return new Failure(400, Json.text(Json.object().put("code", 400).put("type", "BadRequest").put("message", message)));
    }

    private static Task parse(byte[] body) {
        ObjectNode json = ContainerParams.parseObject(body, DjlContainer::invalid);
        new ContainerParams(json, "request", DjlContainer::invalid).only(Set.of("inputs", "parameters"));
        List<String> inputs = new ContainerParams(json, "request", DjlContainer::invalid).stringOrList("inputs");
        if (inputs == null || inputs.isEmpty()) {
            throw invalid("Missing \"inputs\" in the request");
        }
        ObjectNode parameters = json.path("parameters").isObject() ? (ObjectNode) json.get("parameters") : Json.object();
        ContainerParams params = new ContainerParams(parameters, "parameters", DjlContainer::invalid);
        params.only(PARAMETERS);
        Long maxNew = params.integer("max_new_tokens", 1, Long.MAX_VALUE);
        params.number("temperature", 0, Double.MAX_VALUE, true);
        params.number("top_p", 0, 1, true);
        params.integer("top_k", 1, Long.MAX_VALUE);
        params.bool("do_sample");
        List<String> stops = params.stringOrList("stop_sequences");
        return new Task(inputs, json.get("inputs").isArray(), maxNew == null ? DEFAULT_MAX_NEW_TOKENS : maxNew.intValue(),
                stops == null ? List.of() : stops);
    }

    @Override
    public Reply invoke(Request request) {
        Task task = parse(request.body());
        List<TextGenerator.Generation> generations = generate(task);
        if (!task.list()) {
            return new Reply("application/json",
                    Json.bytes(Json.object().put("generated_text", generations.getFirst().text())));
        }
        ArrayNode out = Json.array();
        generations.forEach(g -> out.addObject().put("generated_text", g.text()));
        return new Reply("application/json", Json.bytes(out));
    }

    @Override
    public Parts stream(Request request) {
        Task task = parse(request.body());
        List<List<String>> deltas = generate(task).stream().map(TextGenerator.Generation::deltas).toList();
        int steps = deltas.stream().mapToInt(List::size).max().orElse(0);
        List<byte[]> parts = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            ArrayNode outputs = Json.array();
            for (List<String> pieces : deltas) {
                outputs.add(step < pieces.size() ? pieces.get(step) : "");
            }
            ObjectNode line = Json.object();
            line.set("outputs", outputs);
            parts.add((Json.text(line) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Parts("application/jsonlines", parts);
    }

    private static List<TextGenerator.Generation> generate(Task task) {
        return task.inputs().stream().map(input -> TextGenerator.generate(input, task.maxNewTokens(), task.stops())).toList();
    }
}
