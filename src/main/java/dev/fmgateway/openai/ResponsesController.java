package dev.fmgateway.openai;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.problem.GatewayException;
import tools.jackson.databind.json.JsonMapper;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.web.CallContexts;

/**
 * {@code POST /openai/v1/responses}: OpenAI's Responses API (streamed as its typed events with {@code stream: true}).
 * The input goes through the same translation, checks and invocation chain as chat completions; a response
 * continues a stored one with {@code previous_response_id} and is stored itself unless the request says
 * {@code store: false} ({@link ResponseConversations}), before it is answered, so the next turn finds it.
 */
@RestController
class ResponsesController {

    private final OpenAiTexts texts;

    private final ImageUrls images;

    private final ModelInvoker invoker;

    private final ResponseConversations conversations;

    private final JsonMapper json;

    ResponsesController(OpenAiTexts texts, ImageUrls images, ModelInvoker invoker,
            ResponseConversations conversations, JsonMapper json) {
        this.texts = texts;
        this.images = images;
        this.invoker = invoker;
        this.conversations = conversations;
        this.json = json;
    }

    @PostMapping(path = "/openai/v1/responses", consumes = "application/json")
    @Nullable ResponseEntity<ResponseObject> create(@Valid @RequestBody ResponsesRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader,
            HttpServletResponse response) {
        CallContext context = CallContexts.current(request.region(), regionHeader);
        String apiKey = context.caller().keyName();
        Conversation conversation = this.conversations.resolve(request, apiKey);
        OpenAiTexts.Prepared prepared = this.texts.prepare(request.toGateway(this.images, conversation));
        String id = ResponseIds.newResponse();
        Turn turn = new Turn(request, apiKey, conversation, id, prepared.model().id());
        if (request.streaming()) {
            stream(prepared, context, turn, response);
            return null;
        }
        List<Completion<TextResult>> calls = this.texts.invoke(prepared, 1, context);
        return ResponseEntity.ok()
            .headers(OpenAiTexts.headers(calls))
            .body(finish(turn, Instant.now().getEpochSecond(), calls.getFirst().result()));
    }

    /** One response being made: what it answers and under which id. */
    private record Turn(ResponsesRequest request, String apiKey, Conversation conversation, String id, String model) {
    }

    /** The finished response, stored first when it is to be. */
    private ResponseObject finish(Turn turn, long created, TextResult result) {
        ResponseObject done = ResponseObject.of(turn.id(), created, turn.model(), turn.request().previousResponseId(),
                result, turn.request().includesReasoningSignatures());
        return done.stored(this.conversations.save(turn.request(), turn.apiKey(), turn.conversation(), done, result));
    }

    private void stream(OpenAiTexts.Prepared prepared, CallContext context, Turn turn, HttpServletResponse response) {
        response.setHeader("X-Gateway-Model", prepared.model().id());
        long created = Instant.now().getEpochSecond();
        ResponsesStream stream = new ResponsesStream(response, this.json, turn.id());
        stream.begin(ResponseObject.inProgress(turn.id(), created, turn.model(), turn.request().previousResponseId(),
                this.conversations.storing(turn.request())));
        try {
            Completion<TextResult> completion = this.invoker.invoke(prepared.model(),
                    new TextStream(prepared.prompt(), stream), context);
            stream.complete(finish(turn, created, completion.result()));
        }
        catch (TextDeltaSink.ClientGoneException gone) {
            // The client left; the upstream stream was cancelled and the partial output metered.
        }
        catch (GatewayException ex) {
            try {
                stream.error(java.util.Map.of("code", OpenAiErrors.of(ex).error().code(), "message", ex.detail()));
            }
            catch (TextDeltaSink.ClientGoneException gone) {
                // Nobody is left to tell.
            }
        }
    }
}
