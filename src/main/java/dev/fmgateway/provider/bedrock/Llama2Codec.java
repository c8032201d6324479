package dev.fmgateway.provider.bedrock;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.TextPrompt;
import tools.jackson.databind.json.JsonMapper;

/** Llama 2 Chat: {@code <s>[INST] <<SYS>>...<</SYS>> user [/INST] assistant </s>} turns. */
@Component
class Llama2Codec extends LlamaCodec {

    Llama2Codec(JsonMapper json) {
        super(PayloadFamily.META_LLAMA2, json);
    }

    @Override
    String render(TextPrompt prompt) {
        StringBuilder text = new StringBuilder();
        boolean first = true;
        for (ChatMessage turn : prompt.turns()) {
            if (turn.role() == ChatMessage.Role.USER) {
                text.append("<s>[INST] ");
                if (first && prompt.system() != null) {
                    text.append("<<SYS>>\n").append(prompt.system()).append("\n<</SYS>>\n\n");
                }
                text.append(turn.text()).append(" [/INST]");
                first = false;
            }
            else {
                text.append(' ').append(turn.text()).append(" </s>");
            }
        }
        return text.toString();
    }
}
