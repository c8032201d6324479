package dev.fmgateway.openai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.web.CallContexts;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.TextResult;

/**
 * {@code POST /openai/v1/chat/completions}: the conversation goes through the same validation, catalog lookup,
 * limits and invocation chain as {@code POST /v1/text/generations}.
 */
@RestController
class ChatCompletionsController {

    private final OpenAiTexts texts;

    private final OpenAiStreamer streamer;

    private final ImageUrls images;

    ChatCompletionsController(OpenAiTexts texts, OpenAiStreamer streamer, ImageUrls images) {
        this.texts = texts;
        this.streamer = streamer;
        this.images = images;
    }

    @PostMapping(path = "/openai/v1/chat/completions", consumes = "application/json")
    @Nullable ResponseEntity<ChatCompletion> create(@jakarta.validation.Valid @RequestBody ChatCompletionRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader,
            HttpServletResponse response) {
        OpenAiTexts.Prepared prepared = this.texts.prepare(request.toGateway(this.images));
        CallContext context = CallContexts.current(request.region(), regionHeader);
        String id = "chatcmpl-" + UUID.randomUUID();
        long created = Instant.now().getEpochSecond();
        String model = prepared.model().id();
        if (request.streaming()) {
            this.streamer.stream(prepared, context, new StreamShape(id, created, model), request.includeUsage(),
                    response);
            return null;
        }
        List<Completion<TextResult>> calls = this.texts.invoke(prepared, request.choices(), context);
        List<ChatCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            TextResult result = calls.get(i).result();
            if (request.singleToolCall() && result.toolCalls().size() > 1) {
                result = new TextResult(result.output(), result.finishReason(), result.usage(),
                        result.toolCalls().subList(0, 1), result.reasoning());
            }
            choices.add(new ChatCompletion.Choice(i, ChatCompletion.AssistantMessage.of(result),
                    OpenAiTexts.finishReason(result.finishReason()), null));
        }
        return ResponseEntity.ok()
            .headers(OpenAiTexts.headers(calls))
            .body(new ChatCompletion(id, "chat.completion", created, model, choices, OpenAiTexts.usage(calls)));
    }

    private record StreamShape(String id, long created, String model) implements OpenAiStreamer.Shape {

        @Override
        public Object chunk(String text, boolean first) {
            return chunk(new ChatCompletion.Delta(first ? "assistant" : null, text), null);
        }

        @Override
        public Object toolCallStart(int index, String id, String name, boolean first) {
            return chunk(new ChatCompletion.Delta(first ? "assistant" : null, null, List.of(
                    new ChatCompletion.ToolCallDelta(index, id, "function", new ChatCompletion.FunctionDelta(name, "")))),
                    null);
        }

        @Override
        public Object toolCallArguments(int index, String arguments) {
            return chunk(new ChatCompletion.Delta(null, null, List.of(
                    new ChatCompletion.ToolCallDelta(index, null, null, new ChatCompletion.FunctionDelta(null, arguments)))),
                    null);
        }

        @Override
        public Object finish(String finishReason) {
            return chunk(new ChatCompletion.Delta(null, null), finishReason);
        }

        @Override
        public Object usage(OpenAiUsage usage) {
            return new ChatCompletion.Chunk(this.id, "chat.completion.chunk", this.created, this.model, List.of(), usage);
        }

        private ChatCompletion.Chunk chunk(ChatCompletion.Delta delta, @Nullable String finishReason) {
            return new ChatCompletion.Chunk(this.id, "chat.completion.chunk", this.created, this.model,
                    List.of(new ChatCompletion.ChunkChoice(0, delta, finishReason)), null);
        }
    }
}
