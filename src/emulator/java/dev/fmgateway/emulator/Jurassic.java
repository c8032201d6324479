package dev.fmgateway.emulator;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** AI21 Labs Jurassic-2 (Mid, Ultra): reference §6.1. InvokeModel only; usage only in the headers. */
final class Jurassic implements TextFamily {

    private static final Set<String> PENALTY_KEYS = Set.of("scale", "applyToWhitespaces", "applyToPunctuations",
            "applyToNumbers", "applyToStopwords", "applyToEmojis");

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("prompt", "temperature", "topP", "maxTokens", "stopSequences", "presencePenalty",
                "countPenalty", "frequencyPenalty"));
        String prompt = checks.string("#", body, "prompt", true);
        checks.number("#", body, "temperature", false, 0, 1);
        checks.number("#", body, "topP", false, 0, 1);
        Long maxTokens = checks.integer("#", body, "maxTokens", false, 0, maxOutputTokens(model));
        List<String> stops = checks.strings("#", body, "stopSequences", false, 64);
        penalty(checks, body, "presencePenalty", 5);
        penalty(checks, body, "countPenalty", 1);
        penalty(checks, body, "frequencyPenalty", 500);
        checks.throwIfAny();
        return new TextRequest(prompt, prompt, maxTokens == null ? 200 : maxTokens.intValue(),
                stops == null ? List.of() : stops);
    }

    private static void penalty(JsonChecks checks, ObjectNode body, String key, double max) {
        ObjectNode penalty = checks.object("#", body, key, false);
        if (penalty == null) {
            return;
        }
        String pointer = "#/" + key;
        checks.onlyKeys(pointer, penalty, PENALTY_KEYS);
        checks.number(pointer, penalty, "scale", true, 0, max);
        PENALTY_KEYS.stream().filter(k -> k.startsWith("apply")).forEach(k -> checks.bool(pointer, penalty, k, false));
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        ObjectNode body = Json.object().put("id", Math.abs(request.prompt().hashCode() % 100000));
        ObjectNode prompt = body.putObject("prompt").put("text", request.prompt());
        prompt.set("tokens", tokens(request.prompt()));
        ObjectNode completion = body.putArray("completions").addObject();
        completion.putObject("data").put("text", generation.text()).set("tokens", tokens(generation.text()));
        ObjectNode reason = completion.putObject("finishReason");
        switch (generation.finish()) {
            case END -> reason.put("reason", "endoftext");
            case LENGTH -> reason.put("reason", "length").put("length", generation.outputTokens());
            case STOP -> reason.put("reason", "stop").put("sequence", generation.stopSequence());
        }
        return body;
    }

    /** AI21 token objects: SentencePiece-style token text, a fixed log-probability and the text range. */
    private static ArrayNode tokens(String text) {
        ArrayNode tokens = Json.array();
        Matcher matcher = Tokenizer.TOKEN.matcher(text);
        while (matcher.find()) {
            ObjectNode token = tokens.addObject();
            token.putObject("generatedToken").put("token", "▁" + matcher.group()).put("logprob", -0.5).put("raw_logprob", -0.5);
            token.putNull("topTokens");
            token.putObject("textRange").put("start", matcher.start()).put("end", matcher.end());
        }
        return tokens;
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        throw ApiException.validation(BedrockApi.UNSUPPORTED_STREAMING);
    }

    @Override
    public boolean streams() {
        return false;
    }

    @Override
    public String render(Conversation conversation) {
        return String.join("\n", conversation.turns().stream().map(Conversation.Turn::text).toList());
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        return model.baseId().endsWith("-v1") ? 8191 : 2048;
    }

    @Override
    public boolean supportsSystem() {
        return false;
    }
}
