package dev.fmgateway.openai;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.web.CallContexts;

/**
 * {@code POST /openai/v1/responses}: OpenAI's Responses API, without streaming or stored responses yet; the
 * input goes through the same translation, checks and invocation chain as chat completions.
 */
@RestController
class ResponsesController {

    private final OpenAiTexts texts;

    private final ImageUrls images;

    ResponsesController(OpenAiTexts texts, ImageUrls images) {
        this.texts = texts;
        this.images = images;
    }

    @PostMapping(path = "/openai/v1/responses", consumes = "application/json")
    ResponseEntity<ResponseObject> create(@Valid @RequestBody ResponsesRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        OpenAiTexts.Prepared prepared = this.texts.prepare(request.toGateway(this.images));
        List<Completion<TextResult>> calls = this.texts.invoke(prepared, 1,
                CallContexts.current(request.region(), regionHeader));
        String id = "resp_" + UUID.randomUUID().toString().replace("-", "");
        return ResponseEntity.ok()
            .headers(OpenAiTexts.headers(calls))
            .body(ResponseObject.of(id, Instant.now().getEpochSecond(), prepared.model().id(),
                    calls.getFirst().result()));
    }
}
