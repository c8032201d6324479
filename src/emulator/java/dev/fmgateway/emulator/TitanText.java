package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/** Amazon Titan Text (Lite, Express, Premier, tg1-large): reference §6.4. */
final class TitanText implements TextFamily {

    private static final int DEFAULT_MAX_TOKENS = 512;

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, Set.of("inputText", "textGenerationConfig"));
        String inputText = checks.string("#", body, "inputText", true);
        ObjectNode config = checks.object("#", body, "textGenerationConfig", false);
        Long maxTokens = null;
        List<String> stops = null;
        if (config != null) {
            String pointer = "#/textGenerationConfig";
            checks.onlyKeys(pointer, config, Set.of("temperature", "topP", "maxTokenCount", "stopSequences"));
            checks.number(pointer, config, "temperature", false, 0, 1);
            checks.number(pointer, config, "topP", false, 0, 1);
            maxTokens = checks.integer(pointer, config, "maxTokenCount", false, 0, maxOutputTokens(model));
            stops = checks.strings(pointer, config, "stopSequences", false, 4);
        }
        checks.throwIfAny();
        return new TextRequest(inputText, inputText.replaceAll("(?m)^\\s*(User|Bot):", " "),
                maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens.intValue(), stops == null ? List.of() : stops);
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        ObjectNode body = Json.object().put("inputTextTokenCount", request.inputTokens());
        body.putArray("results").addObject()
                .put("tokenCount", generation.outputTokens())
                .put("outputText", generation.text())
                .put("completionReason", completionReason(generation));
        return body;
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        List<String> chunks = Chunks.group(generation.deltas(), 2);
        List<ObjectNode> events = new ArrayList<>();
        int produced = 0;
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            produced = last ? generation.outputTokens() : produced + Tokenizer.count(chunks.get(i));
            ObjectNode event = Json.object().put("outputText", chunks.get(i)).put("index", 0)
                    .put("totalOutputTextTokenCount", produced);
            event.put("completionReason", last ? completionReason(generation) : null);
            event.put("inputTextTokenCount", i == 0 ? request.inputTokens() : null);
            events.add(event);
        }
        return events;
    }

    private static String completionReason(TextGenerator.Generation generation) {
        return switch (generation.finish()) {
            case END -> "FINISHED";
            case LENGTH -> "LENGTH";
            case STOP -> "STOP_CRITERIA_MET";
        };
    }

    @Override
    public String render(Conversation conversation) {
        StringBuilder prompt = new StringBuilder();
        for (Conversation.Turn turn : conversation.turns()) {
            prompt.append(turn.role().equals("user") ? "User: " : "Bot: ").append(turn.text()).append('\n');
        }
        return prompt.append("Bot:").toString();
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        String id = model.baseId();
        if (id.contains("lite")) {
            return 4096;
        }
        return id.contains("premier") ? 3072 : 8192;
    }

    @Override
    public boolean supportsSystem() {
        return false;
    }
}
