package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/** Anthropic Claude Text Completions (Claude v2, v2.1, Instant): reference §6.2. */
final class ClaudeText implements TextFamily {

    static final String HUMAN = "\n\nHuman:";
    static final String ASSISTANT = "\n\nAssistant:";

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("prompt", "max_tokens_to_sample", "stop_sequences", "temperature", "top_p",
                "top_k", "anthropic_version"));
        String prompt = checks.string("#", body, "prompt", true);
        Long maxTokens = checks.integer("#", body, "max_tokens_to_sample", true, 0, 4096);
        List<String> stops = checks.strings("#", body, "stop_sequences", false, 8191);
        checks.number("#", body, "temperature", false, 0, 1);
        checks.number("#", body, "top_p", false, 0, 1);
        checks.integer("#", body, "top_k", false, 0, 500);
        checks.string("#", body, "anthropic_version", false);
        checks.throwIfAny();
        int human = prompt.lastIndexOf(HUMAN);
        if (!prompt.contains(HUMAN)) {
            throw ApiException.validation("prompt must start with \"\\n\\nHuman:\" turn after an optional system prompt");
        }
        int assistant = prompt.lastIndexOf(ASSISTANT);
        if (assistant < human) {
            throw ApiException.validation("prompt must end with \"\\n\\nAssistant:\" turn");
        }
        return new TextRequest(prompt, prompt.substring(human + HUMAN.length(), assistant), maxTokens.intValue(),
                stops == null ? List.of() : stops);
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        ObjectNode body = Json.object().put("completion", generation.text());
        return finish(body, generation);
    }

    private static ObjectNode finish(ObjectNode body, TextGenerator.Generation generation) {
        return switch (generation.finish()) {
            case END -> body.put("stop_reason", "stop_sequence").put("stop", HUMAN);
            case STOP -> body.put("stop_reason", "stop_sequence").put("stop", generation.stopSequence());
            case LENGTH -> body.put("stop_reason", "max_tokens").putNull("stop");
        };
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        List<ObjectNode> events = new ArrayList<>();
        for (String chunk : Chunks.group(generation.deltas(), 2)) {
            events.add(Json.object().put("completion", chunk).putNull("stop_reason").putNull("stop"));
        }
        events.add(finish(Json.object().put("completion", ""), generation));
        return events;
    }

    @Override
    public String render(Conversation conversation) {
        StringBuilder prompt = new StringBuilder(String.join("\n", conversation.system()));
        for (Conversation.Turn turn : conversation.turns()) {
            prompt.append(turn.role().equals("user") ? HUMAN : ASSISTANT).append(' ').append(turn.text());
        }
        return prompt.append(ASSISTANT).toString();
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        return 4096;
    }
}
