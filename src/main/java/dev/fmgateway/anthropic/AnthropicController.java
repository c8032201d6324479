package dev.fmgateway.anthropic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.security.ModelAccess;
import dev.fmgateway.web.CallContexts;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.web.RequestIds;

/**
 * Anthropic's Messages API under {@code /anthropic}: a client's base URL {@code http://gateway/anthropic} gives it
 * {@code /v1/messages} (also with {@code ?beta=true}), {@code /v1/messages/count_tokens} and {@code /v1/models}.
 * Messages go through the gateway's pipeline as native Claude Messages calls on Bedrock (allow-list, lifecycle,
 * routing, resilience, metering, ledger). Not in the gateway's OpenAPI description: Anthropic's API reference
 * describes these.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class AnthropicController {

    static final String REQUEST_ID = "request-id";

    private final AnthropicModels models;

    private final ModelInvoker invoker;

    private final JsonMapper json;

    private final List<String> allowedBetas;

    AnthropicController(AnthropicModels models, ModelInvoker invoker, JsonMapper json,
            AnthropicProperties properties) {
        this.models = models;
        this.invoker = invoker;
        this.json = json;
        this.allowedBetas = properties.allowedBetas();
    }

    /** Creates a message; with {@code "stream": true} the answer is Anthropic's SSE stream. */
    @PostMapping("/anthropic/v1/messages")
    @Nullable ResponseEntity<byte[]> messages(HttpServletRequest request, HttpServletResponse response) {
        MessagesBody parsed = MessagesBody.parse(body(request), this.json, true);
        AnthropicModels.Target target = this.models.target(parsed.model());
        CatalogModel model = target.model();
        if (target.byPattern()) {
            parsed.capMaxTokens(model.limits().maxOutputTokens());
        }
        if (parsed.stream() && !model.streaming()) {
            throw AnthropicError.invalid("stream: the model " + parsed.model() + " cannot stream here");
        }
        SseWriter sink = parsed.stream() ? new SseWriter(response, model, parsed.model(), this.json) : null;
        byte[] bedrockBody = this.json.writeValueAsBytes(
                parsed.forBedrock(Collections.list(request.getHeaders("anthropic-beta")), this.allowedBetas));
        NativeCall call = new NativeCall(bedrockBody, MediaType.APPLICATION_JSON_VALUE,
                MediaType.APPLICATION_JSON_VALUE, Backend.BEDROCK, PayloadFamily.ANTHROPIC_MESSAGES, Map.of(), sink);
        CallContext context = CallContexts.current(null, request.getHeader("X-Gateway-Region"));
        if (sink != null) {
            stream(model, call, context, sink);
            return null;
        }
        Completion<NativeResult> completion = this.invoker.invoke(model, call, context);
        HttpHeaders headers = ModelResponseHeaders.of(completion);
        headers.set(REQUEST_ID, RequestIds.current());
        headers.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.ok().headers(headers).body(named(completion.result().body(), parsed.model()));
    }

    private void stream(CatalogModel model, NativeCall call, CallContext context, SseWriter sink) {
        try {
            this.invoker.invoke(model, call, context);
        }
        catch (TextDeltaSink.ClientGoneException gone) {
            // The client left; the upstream stream was cancelled and the call metered. Nothing more to write.
        }
        catch (GatewayException ex) {
            if (!sink.started()) {
                throw ex;
            }
            try {
                sink.error(AnthropicErrors.typeOf(ex.code().status()), ex.detail());
            }
            catch (TextDeltaSink.ClientGoneException gone) {
                // Nobody is left to tell.
            }
        }
    }

    /**
     * Counts a request's input tokens with the gateway's estimator (about four characters a token over the system
     * prompt, messages and tools), without calling the model: an estimate, not Claude's tokenizer.
     */
    @PostMapping("/anthropic/v1/messages/count_tokens")
    ResponseEntity<Map<String, Object>> countTokens(HttpServletRequest request) {
        MessagesBody parsed = MessagesBody.parse(body(request), this.json, false);
        CatalogModel model = ModelAccess.require(request, this.models.resolve(parsed.model()));
        HttpHeaders headers = new HttpHeaders();
        headers.set(REQUEST_ID, RequestIds.current());
        headers.set("X-Gateway-Model", model.id());
        headers.set("X-Gateway-Token-Count", "estimated");
        return ResponseEntity.ok()
            .headers(headers)
            .body(Map.of("input_tokens", Math.max(1, Usage.Tokens.estimate(parsed.countedText(this.json)))));
    }

    /** The catalog's Claude models the caller may use, in Anthropic's list shape, paged by id. */
    @GetMapping("/anthropic/v1/models")
    ResponseEntity<Map<String, Object>> listModels(HttpServletRequest request,
            @RequestParam(name = "limit", defaultValue = "20") int limit,
            @RequestParam(name = "after_id", required = false) @Nullable String afterId,
            @RequestParam(name = "before_id", required = false) @Nullable String beforeId) {
        if (limit < 1 || limit > 1000) {
            throw AnthropicError.invalid("limit: Input should be between 1 and 1000");
        }
        List<CatalogModel> visible = this.models.claude()
            .stream()
            .filter(model -> ModelAccess.visible(request, model))
            .toList();
        List<String> ids = visible.stream().map(CatalogModel::id).toList();
        int from = 0;
        int to = visible.size();
        if (afterId != null && ids.contains(afterId)) {
            from = ids.indexOf(afterId) + 1;
        }
        if (beforeId != null && ids.contains(beforeId)) {
            to = ids.indexOf(beforeId);
            from = Math.max(from, to - limit);
        }
        List<CatalogModel> page = visible.subList(Math.min(from, to), Math.min(to, from + limit));
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> data = new ArrayList<>();
        page.forEach(model -> data.add(view(model)));
        body.put("data", data);
        body.put("has_more", beforeId != null ? from > 0 : from + limit < to);
        body.put("first_id", page.isEmpty() ? null : page.getFirst().id());
        body.put("last_id", page.isEmpty() ? null : page.getLast().id());
        return ResponseEntity.ok().header(REQUEST_ID, RequestIds.current()).body(body);
    }

    /** One model, by any name this surface accepts. */
    @GetMapping("/anthropic/v1/models/{modelId}")
    ResponseEntity<Map<String, Object>> getModel(@PathVariable String modelId, HttpServletRequest request) {
        CatalogModel model = ModelAccess.require(request, this.models.resolve(modelId));
        return ResponseEntity.ok().header(REQUEST_ID, RequestIds.current()).body(view(model));
    }

    private static Map<String, Object> view(CatalogModel model) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", model.id());
        view.put("type", "model");
        view.put("display_name", model.name());
        view.put("created_at", AnthropicModels.createdAt(model));
        if (model.limits().maxInputTokens() != null) {
            view.put("max_input_tokens", model.limits().maxInputTokens());
        }
        if (model.limits().maxOutputTokens() != null) {
            view.put("max_tokens", model.limits().maxOutputTokens());
        }
        return view;
    }

    /** Anthropic's message JSON as Bedrock gave it, with {@code model} as the caller named it. */
    private byte[] named(byte[] body, String requestedName) {
        JsonNode node = this.json.readTree(body);
        if (node instanceof ObjectNode message && message.has("model")) {
            message.put("model", requestedName);
            return this.json.writeValueAsBytes(message);
        }
        return body;
    }

    private static byte[] body(HttpServletRequest request) {
        try {
            return request.getInputStream().readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
