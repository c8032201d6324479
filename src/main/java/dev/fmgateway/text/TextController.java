package dev.fmgateway.text;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.ChatMessage;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.ModelResponseHeaders;
import dev.fmgateway.invocation.TextPrompt;

/** {@code POST /v1/text/generations}. */
@RestController
class TextController {

    private static final Set<Capability> TEXT = Set.of(Capability.TEXT_GENERATION, Capability.CHAT);

    private final ModelCatalog catalog;

    private final ModelInvoker invoker;

    TextController(ModelCatalog catalog, ModelInvoker invoker) {
        this.catalog = catalog;
        this.invoker = invoker;
    }

    @PostMapping(path = "/v1/text/generations", consumes = "application/json", produces = "application/json")
    ResponseEntity<TextGenerationResponse> generate(@Valid @RequestBody TextGenerationRequest request,
            @RequestHeader(name = "X-Gateway-Region", required = false) @Nullable String regionHeader) {
        CatalogModel model = this.catalog.require(request.model(), TEXT);
        TextPrompt prompt = TextPrompts.of(request, model);
        long started = System.nanoTime();
        Completion completion = this.invoker.invoke(model, prompt, CallContext.current(request.region(), regionHeader));
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return ResponseEntity.ok()
            .headers(ModelResponseHeaders.of(completion))
            .body(TextGenerationResponse.of(completion, latencyMs));
    }

    static List<ChatMessage> messages(List<TextGenerationRequest.Message> messages) {
        return messages.stream().map(m -> new ChatMessage(m.role(), m.content())).toList();
    }
}
