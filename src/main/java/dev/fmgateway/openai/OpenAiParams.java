package dev.fmgateway.openai;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Names in OpenAI's terms: the gateway's field names (which its validation and problems use) as the OpenAI
 * parameter the caller actually sent, and unreadable bodies as a sentence naming the parameter.
 */
final class OpenAiParams {

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("maxTokens", "max_tokens"),
            Map.entry("topP", "top_p"), Map.entry("stopSequences", "stop"), Map.entry("count", "n"),
            Map.entry("width", "size"), Map.entry("height", "size"), Map.entry("width/height", "size"),
            Map.entry("system", "messages"), Map.entry("toolChoice", "tool_choice"),
            Map.entry("responseFormat", "response_format"), Map.entry("reasoning", "reasoning_effort"));

    private OpenAiParams() {
    }

    /** {@code maxTokens} → {@code max_tokens}; {@code messages[2].content} → {@code messages} (indexes shift). */
    static String openAiName(String gatewayField) {
        String root = gatewayField.replaceFirst("[.\\[].*$", "");
        if (root.equals("messages")) {
            return "messages";
        }
        return NAMES.getOrDefault(root, root);
    }

    static String describe(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException json)) {
            return "the body is missing or is not JSON";
        }
        if (json instanceof StreamReadException) {
            return "malformed JSON";
        }
        String path = json.getPath()
            .stream()
            .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
        return path.isEmpty() ? "the body must be a JSON object" : "'" + path + "' has the wrong type";
    }
}
