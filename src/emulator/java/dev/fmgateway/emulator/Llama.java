package dev.fmgateway.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * Meta Llama 2 / 3.x: reference §6.7. The prompt carries the chat template; the reply is drawn from the
 * last user turn of a Llama 3 ({@code <|start_header_id|>user<|end_header_id|>}) or Llama 2
 * ({@code [INST] … [/INST]}) template, or from the whole prompt when it has none.
 */
final class Llama implements TextFamily {

    private static final String USER_HEADER = "<|start_header_id|>user<|end_header_id|>";
    private static final int DEFAULT_MAX_GEN_LEN = 512;

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", body, vision(model) ? Set.of("prompt", "temperature", "top_p", "max_gen_len", "images")
                : Set.of("prompt", "temperature", "top_p", "max_gen_len"));
        String prompt = checks.string("#", body, "prompt", true);
        checks.number("#", body, "temperature", false, 0, 1);
        checks.number("#", body, "top_p", false, 0, 1);
        Long maxGenLen = checks.integer("#", body, "max_gen_len", false, 1, 2048);
        checks.strings("#", body, "images", false, 1);
        checks.throwIfAny();
        return new TextRequest(prompt, lastUserTurn(prompt), maxGenLen == null ? DEFAULT_MAX_GEN_LEN : maxGenLen.intValue(),
                List.of());
    }

    private static boolean vision(BedrockModel model) {
        return model.baseId().contains("llama3-2-11b") || model.baseId().contains("llama3-2-90b");
    }

    static String lastUserTurn(String prompt) {
        int user = prompt.lastIndexOf(USER_HEADER);
        if (user >= 0) {
            int end = prompt.indexOf("<|eot_id|>", user);
            return prompt.substring(user + USER_HEADER.length(), end < 0 ? prompt.length() : end);
        }
        int inst = prompt.lastIndexOf("[INST]");
        if (inst >= 0) {
            int end = prompt.indexOf("[/INST]", inst);
            String turn = prompt.substring(inst + 6, end < 0 ? prompt.length() : end);
            int sys = turn.indexOf("<</SYS>>");
            return sys < 0 ? turn : turn.substring(sys + 8);
        }
        return prompt;
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        return Json.object()
                .put("generation", generation.text())
                .put("prompt_token_count", request.inputTokens())
                .put("generation_token_count", generation.outputTokens())
                .put("stop_reason", stopReason(generation));
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        List<String> chunks = Chunks.group(generation.deltas(), 1);
        List<ObjectNode> events = new ArrayList<>();
        int produced = 0;
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            produced = last ? generation.outputTokens() : produced + Tokenizer.count(chunks.get(i));
            events.add(Json.object()
                    .put("generation", chunks.get(i))
                    .put("prompt_token_count", i == 0 ? request.inputTokens() : null)
                    .put("generation_token_count", produced)
                    .put("stop_reason", last ? stopReason(generation) : null));
        }
        return events;
    }

    private static String stopReason(TextGenerator.Generation generation) {
        return generation.finish() == TextGenerator.Finish.LENGTH ? "length" : "stop";
    }

    @Override
    public String render(Conversation conversation) {
        StringBuilder prompt = new StringBuilder("<|begin_of_text|>");
        if (!conversation.system().isEmpty()) {
            prompt.append("<|start_header_id|>system<|end_header_id|>\n\n").append(String.join("\n", conversation.system()))
                    .append("<|eot_id|>");
        }
        for (Conversation.Turn turn : conversation.turns()) {
            prompt.append("<|start_header_id|>").append(turn.role()).append("<|end_header_id|>\n\n").append(turn.text())
                    .append("<|eot_id|>");
        }
        return prompt.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        return 2048;
    }
}
