package dev.fmgateway.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converse and ConverseStream (reference chat-apis-wire §1) on top of a text family: the conversation is
 * rendered into the family's prompt (for the input token count), the reply is generated from the last user turn.
 * Deterministic: with tools offered, a forced tool choice or a last user turn that names a tool gets a toolUse
 * whose input is built from the tool's schema; a turn of tool results gets text; a thinking budget gets a signed
 * reasoning block first; the part of the prompt before the last cache point is written to the cache on first
 * sight and read from it after (when it is at least the model's minimum). With a guardrailConfig, a last user turn
 * that says {@value ConverseInput#GUARDRAIL_TRIGGER} is blocked: Bedrock's canned message, stopReason
 * {@code guardrail_intervened}.
 */
final class Converse {

    /** Prompt prefixes seen before a cache point, most recent last (a bounded cache, as Bedrock's expires). */
    private final Map<String, Boolean> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1000;
        }
    };

    private record Answer(@Nullable String reasoning, @Nullable String text, ConverseInput.@Nullable Tool tool,
            @Nullable JsonNode toolInput, String toolUseId, String stopReason, TextGenerator.Generation generation,
            int outputTokens) {
    }

    private record Usage(int input, int output, int cacheRead, int cacheWrite) {

        ObjectNode json() {
            ObjectNode usage = Json.object().put("inputTokens", this.input).put("outputTokens", this.output)
                .put("totalTokens", this.input + this.output + this.cacheRead + this.cacheWrite);
            if (this.cacheRead > 0 || this.cacheWrite > 0) {
                usage.put("cacheReadInputTokens", this.cacheRead).put("cacheWriteInputTokens", this.cacheWrite);
            }
            return usage;
        }
    }

    void converse(Call call, BedrockModel model, TextFamily family) {
        ConverseInput input = ConverseInput.parse(Json.parseObject(call.exchange().body()), model, family, false);
        Answer answer = answer(input);
        Usage usage = usage(input, answer);
        ObjectNode body = Json.object();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        var content = message.putArray("content");
        if (answer.reasoning() != null) {
            content.addObject().putObject("reasoningContent").putObject("reasoningText")
                .put("text", answer.reasoning()).put("signature", ConverseInput.sign(answer.reasoning()));
        }
        if (answer.text() != null) {
            content.addObject().put("text", answer.text());
        }
        if (answer.tool() != null) {
            content.addObject().putObject("toolUse").put("toolUseId", answer.toolUseId())
                .put("name", answer.tool().name()).set("input", answer.toolInput());
        }
        body.put("stopReason", answer.stopReason());
        body.set("usage", usage.json());
        body.putObject("metrics").put("latencyMs", call.exchange().elapsedMillis());
        if (!input.responseFieldPaths().isEmpty()) {
            ObjectNode fields = body.putObject("additionalModelResponseFields");
            ObjectNode nativeBody = family.response(input.request(), answer.generation(), model);
            for (String pointer : input.responseFieldPaths()) {
                JsonNode value = nativeBody.at(pointer);
                if (!value.isMissingNode()) {
                    fields.set(pointer.substring(pointer.lastIndexOf('/') + 1), value);
                }
            }
        }
        call.exchange().sendJson(200, body, Map.of());
    }

    void converseStream(Call call, BedrockModel model, TextFamily family, EventStreamWriter.@Nullable StreamFault fault) {
        ConverseInput input = ConverseInput.parse(Json.parseObject(call.exchange().body()), model, family, true);
        Answer answer = answer(input);
        Usage usage = usage(input, answer);
        EventStreamWriter writer = new EventStreamWriter(call.exchange().openStream(Map.of()), call.streamInterval(),
                fault, call.exchange().startNanos());
        writer.event("messageStart", Json.bytes(Json.object().put("role", "assistant")), "application/json");
        int index = 0;
        if (answer.reasoning() != null) {
            for (String piece : TextGenerator.generate(answer.reasoning(), Integer.MAX_VALUE, List.of()).deltas()) {
                ObjectNode event = Json.object().put("contentBlockIndex", index);
                event.putObject("delta").putObject("reasoningContent").put("text", piece);
                writer.event("contentBlockDelta", Json.bytes(event), "application/json");
            }
            ObjectNode signature = Json.object().put("contentBlockIndex", index);
            signature.putObject("delta").putObject("reasoningContent").put("signature", ConverseInput.sign(answer.reasoning()));
            writer.event("contentBlockDelta", Json.bytes(signature), "application/json");
            writer.event("contentBlockStop", Json.bytes(Json.object().put("contentBlockIndex", index++)), "application/json");
        }
        if (answer.text() != null) {
            for (String delta : answer.generation().deltas()) {
                ObjectNode event = Json.object().put("contentBlockIndex", index);
                event.putObject("delta").put("text", delta);
                writer.event("contentBlockDelta", Json.bytes(event), "application/json");
            }
            writer.event("contentBlockStop", Json.bytes(Json.object().put("contentBlockIndex", index++)), "application/json");
        }
        if (answer.tool() != null) {
            ObjectNode start = Json.object().put("contentBlockIndex", index);
            start.putObject("start").putObject("toolUse").put("toolUseId", answer.toolUseId())
                .put("name", answer.tool().name());
            writer.event("contentBlockStart", Json.bytes(start), "application/json");
            String json = answer.toolInput().toString();
            int cut = json.length() / 2;
            for (String piece : List.of(json.substring(0, cut), json.substring(cut))) {
                ObjectNode event = Json.object().put("contentBlockIndex", index);
                event.putObject("delta").putObject("toolUse").put("input", piece);
                writer.event("contentBlockDelta", Json.bytes(event), "application/json");
            }
            writer.event("contentBlockStop", Json.bytes(Json.object().put("contentBlockIndex", index)), "application/json");
        }
        writer.event("messageStop", Json.bytes(Json.object().put("stopReason", answer.stopReason())), "application/json");
        ObjectNode metadata = Json.object();
        metadata.set("usage", usage.json());
        metadata.putObject("metrics").put("latencyMs", writer.elapsedMillis());
        writer.event("metadata", Json.bytes(metadata), "application/json");
    }

    private static Answer answer(ConverseInput input) {
        TextFamily.TextRequest request = input.request();
        if (input.guarded() && input.lastUserText().toLowerCase(Locale.ROOT).contains(ConverseInput.GUARDRAIL_TRIGGER)) {
            TextGenerator.Generation blocked = new TextGenerator.Generation(ConverseInput.GUARDRAIL_MESSAGE,
                    Tokenizer.count(ConverseInput.GUARDRAIL_MESSAGE), TextGenerator.Finish.END, null);
            return new Answer(null, blocked.text(), null, null, "", "guardrail_intervened", blocked,
                    blocked.outputTokens());
        }
        List<String> words = Tokenizer.words(input.lastUserText());
        String reasoning = input.reasons()
                ? "Considering: " + String.join(" ", words.subList(0, Math.min(8, words.size()))) : null;
        int reasoningTokens = reasoning != null ? Tokenizer.count(reasoning) : 0;
        ConverseInput.Tool tool = input.answersTools() ? null : chosenTool(input);
        if (tool != null) {
            JsonNode toolInput = SchemaValues.of(tool.schema(), words, tool.schema());
            TextGenerator.Generation none = TextGenerator.generate("", 0, List.of());
            String id = "tooluse_" + Integer.toHexString((request.prompt() + tool.name()).hashCode() & 0x7fffffff);
            return new Answer(reasoning, null, tool, toolInput, id, "tool_use", none,
                    reasoningTokens + Tokenizer.count(toolInput.toString()));
        }
        TextGenerator.Generation generation = TextGenerator.generate(request.source(), request.maxTokens(),
                request.stopSequences());
        return new Answer(reasoning, generation.text(), null, null, "", ClaudeMessages.stopReason(generation), generation,
                reasoningTokens + generation.outputTokens());
    }

    /** The forced tool, any tool's first, or the first whose name the last user turn says. */
    private static ConverseInput.@Nullable Tool chosenTool(ConverseInput input) {
        if (input.tools().isEmpty()) {
            return null;
        }
        if ("*".equals(input.forcedTool())) {
            return input.tools().getFirst();
        }
        String said = input.lastUserText().toLowerCase(Locale.ROOT);
        for (ConverseInput.Tool tool : input.tools()) {
            String name = tool.name().toLowerCase(Locale.ROOT);
            if (name.equals(input.forcedTool()) || (input.forcedTool() == null
                    && (said.contains(name) || said.contains(name.replace('_', ' '))))) {
                return tool;
            }
        }
        return null;
    }

    private Usage usage(ConverseInput input, Answer answer) {
        int total = input.request().inputTokens();
        String prefix = input.cachePrefix();
        if (prefix == null) {
            return new Usage(total, answer.outputTokens(), 0, 0);
        }
        int cached = Math.min(total, input.cachePrefixTokens());
        boolean seen;
        synchronized (this.cache) {
            seen = this.cache.put(prefix, Boolean.TRUE) != null;
        }
        return new Usage(total - cached, answer.outputTokens(), seen ? cached : 0, seen ? 0 : cached);
    }
}
