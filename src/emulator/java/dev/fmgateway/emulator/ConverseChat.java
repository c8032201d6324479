package dev.fmgateway.emulator;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The chat models the emulator serves through Converse only (Nova, Mistral, Cohere Command R, DeepSeek-R1,
 * gpt-oss, Llama 4; reference chat-apis-wire §2): their InvokeModel bodies are not emulated, so InvokeModel for
 * them is refused with a 400 saying so. A conversation is rendered as {@code role: text} lines for the input
 * token count; the output cap is the model's limit from the reference.
 */
final class ConverseChat implements TextFamily {

    static final String INVOKE_REFUSED = "The emulator serves this model through Converse and ConverseStream only; "
            + "its InvokeModel body is not emulated.";

    @Override
    public TextRequest parse(ObjectNode body, BedrockModel model) {
        throw ApiException.validation(INVOKE_REFUSED);
    }

    @Override
    public ObjectNode response(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        return Json.object();
    }

    @Override
    public List<ObjectNode> streamEvents(TextRequest request, TextGenerator.Generation generation, BedrockModel model) {
        throw ApiException.validation(INVOKE_REFUSED);
    }

    @Override
    public String render(Conversation conversation) {
        StringBuilder prompt = new StringBuilder();
        for (String system : conversation.system()) {
            prompt.append("system: ").append(system).append('\n');
        }
        for (Conversation.Turn turn : conversation.turns()) {
            prompt.append(turn.role()).append(": ").append(turn.text()).append('\n');
        }
        return prompt.append("assistant:").toString();
    }

    @Override
    public int maxOutputTokens(BedrockModel model) {
        String id = model.baseId();
        if (id.startsWith("amazon.nova-")) {
            return 10_000;
        }
        if (id.startsWith("mistral.mistral-")) {
            return 8_191;
        }
        if (id.startsWith("openai.gpt-oss-")) {
            return 128_000;
        }
        if (id.startsWith("meta.llama4-")) {
            return 8_192;
        }
        return 4_096;
    }
}
