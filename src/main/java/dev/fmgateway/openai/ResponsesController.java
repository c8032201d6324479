package dev.fmgateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 * {@code POST /openai/v1/responses}: OpenAI's Responses API (streamed as its typed events with {@code stream: true}), without stored responses yet; the
 * input goes through the same translation, checks and invocation chain as chat completions.
 */
@RestController
class ResponsesController {

    private final OpenAiTexts texts;

    private final ImageUrls images;

    private final ModelInvoker invoker;

    private final JsonMapper json;

    ResponsesController(OpenAiTexts texts, ImageUrls images, ModelInvoker invoker, JsonMapper json) {
        this.texts = texts;
        this.images = images;
        this.invoker = invoker;
        this.json = json;
    }

    @PostMapping(path = "/openai/v1/responses", consumes = "application/json")
    @Nullable ResponseEntity<ResponseObject> create(@Valid @RequestBody ResponsesRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader,
            HttpServletResponse response) {
        OpenAiTexts.Prepared prepared = this.texts.prepare(request.toGateway(this.images));
        CallContext context = CallContexts.current(request.region(), regionHeader);
        String id = "resp_" + UUID.randomUUID().toString().replace("-", "");
        if (request.streaming()) {
            stream(prepared, context, id, response);
            return null;
        }
        List<Completion<TextResult>> calls = this.texts.invoke(prepared, 1, context);
        return ResponseEntity.ok()
            .headers(OpenAiTexts.headers(calls))
            .body(ResponseObject.of(id, Instant.now().getEpochSecond(), prepared.model().id(),
                    calls.getFirst().result()));
    }

    private void stream(OpenAiTexts.Prepared prepared, CallContext context, String id, HttpServletResponse response) {
        response.setHeader("X-Gateway-Model", prepared.model().id());
        long created = Instant.now().getEpochSecond();
        ResponsesStream stream = new ResponsesStream(response, this.json, id);
        stream.begin(ResponseObject.inProgress(id, created, prepared.model().id()));
        try {
            Completion<TextResult> completion = this.invoker.invoke(prepared.model(),
                    new TextStream(prepared.prompt(), stream), context);
            stream.complete(ResponseObject.of(id, created, prepared.model().id(), completion.result()));
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
