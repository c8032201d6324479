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

/** {@code POST /openai/v1/completions}: a raw prompt, as {@code POST /v1/text/generations} with {@code prompt}. */
@RestController
class CompletionsController {

    private final OpenAiTexts texts;

    private final OpenAiStreamer streamer;

    CompletionsController(OpenAiTexts texts, OpenAiStreamer streamer) {
        this.texts = texts;
        this.streamer = streamer;
    }

    @PostMapping(path = "/openai/v1/completions", consumes = "application/json")
    @Nullable ResponseEntity<TextCompletion> create(@jakarta.validation.Valid @RequestBody TextCompletionRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader,
            HttpServletResponse response) {
        OpenAiTexts.Prepared prepared = this.texts.prepare(request.toGateway());
        CallContext context = CallContexts.current(request.region(), regionHeader);
        String echo = request.echoes() ? request.promptText() : "";
        String id = "cmpl-" + UUID.randomUUID();
        long created = Instant.now().getEpochSecond();
        String model = prepared.model().id();
        if (request.streaming()) {
            this.streamer.stream(prepared, context, new StreamShape(id, created, model, echo), request.includeUsage(),
                    response);
            return null;
        }
        List<Completion<TextResult>> calls = this.texts.invoke(prepared, request.choices(), context);
        List<TextCompletion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            TextResult result = calls.get(i).result();
            choices.add(new TextCompletion.Choice(echo + result.output(), i, null,
                    OpenAiTexts.finishReason(result.finishReason())));
        }
        return ResponseEntity.ok()
            .headers(OpenAiTexts.headers(calls))
            .body(new TextCompletion(id, "text_completion", created, model, choices, OpenAiTexts.usage(calls)));
    }

    private record StreamShape(String id, long created, String model, @Nullable String echo)
            implements OpenAiStreamer.Shape {

        @Override
        public Object chunk(String text, boolean first) {
            return chunk(first && this.echo != null ? this.echo + text : text, null);
        }

        @Override
        public Object finish(String finishReason) {
            return chunk("", finishReason);
        }

        @Override
        public Object usage(OpenAiUsage usage) {
            return new TextCompletion(this.id, "text_completion", this.created, this.model, List.of(), usage);
        }

        private TextCompletion chunk(String text, @Nullable String finishReason) {
            return new TextCompletion(this.id, "text_completion", this.created, this.model,
                    List.of(new TextCompletion.Choice(text, 0, null, finishReason)), null);
        }
    }
}
