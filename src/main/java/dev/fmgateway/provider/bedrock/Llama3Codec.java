package dev.fmgateway.provider.bedrock;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.TextPrompt;
import tools.jackson.databind.json.JsonMapper;

/** Llama 3.x Instruct: header-token turns, ending with an open assistant header. */
@Component
class Llama3Codec extends LlamaCodec {

    Llama3Codec(JsonMapper json) {
        super(PayloadFamily.META_LLAMA3, json);
    }

    @Override
    String render(TextPrompt prompt) {
        StringBuilder text = new StringBuilder("<|begin_of_text|>");
        if (prompt.system() != null) {
            turn(text, "system", prompt.system());
        }
        for (ChatMessage message : prompt.turns()) {
            turn(text, message.role().name().toLowerCase(Locale.ROOT), message.text());
        }
        return text.append("<|start_header_id|>assistant<|end_header_id|>\n\n").toString();
    }

    private static void turn(StringBuilder text, String role, String content) {
        text.append("<|start_header_id|>").append(role).append("<|end_header_id|>\n\n").append(content).append("<|eot_id|>");
    }
}
