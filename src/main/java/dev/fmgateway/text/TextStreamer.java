package dev.fmgateway.text;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.web.CostViews;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextPrompt;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.web.UsageView;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.web.ProblemBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "stream": true}: runs the call on the request's own (virtual) thread and writes {@code delta} events
 * as they come, then one {@code done} event with finish reason, usage and cost from the stream's metadata. A
 * failure before the first event is an ordinary problem response; after it, one {@code error} event carrying the
 * problem object ends the stream.
 */
@Component
class TextStreamer {

    private final ModelInvoker invoker;

    private final JsonMapper json;

    TextStreamer(ModelInvoker invoker, JsonMapper json) {
        this.invoker = invoker;
        this.json = json;
    }

    void stream(CatalogModel model, TextPrompt prompt, List<String> warnings, CallContext context,
            HttpServletResponse response) {
        HttpHeaders lifecycle = new HttpHeaders();
        ModelResponseHeaders.lifecycle(model, lifecycle);
        lifecycle.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader("X-Gateway-Model", model.id());
        SseWriter writer = new SseWriter(response, this.json);
        long started = System.nanoTime();
        try {
            Completion<TextResult> completion = this.invoker.invoke(model, new TextStream(prompt, writer), context);
            TextResult result = completion.result();
            writer.event("done", new Done(model.id(), completion.deployment().region(), FinishReasonView.of(result.finishReason()),
                    UsageView.Tokens.of(result.usage()), CostViews.of(completion),
                    (System.nanoTime() - started) / 1_000_000, ChatViews.ToolCallView.of(result.toolCalls()),
                    warnings.isEmpty() ? null : warnings));
        }
        catch (TextDeltaSink.ClientGoneException gone) {
            // The client left; the upstream stream was cancelled. Nothing more can be written.
        }
        catch (GatewayException ex) {
            if (!writer.started()) {
                throw ex;
            }
            try {
                writer.event("error", ProblemBodies.of(ex, "/v1/text/generations"));
            }
            catch (TextDeltaSink.ClientGoneException gone) {
                // Nobody is left to tell.
            }
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TextStreamDone", description = "Data of the final `event: done` of a text stream")
    record Done(@Schema(description = "Catalog id of the model that answered", example = "claude-haiku-4-5") String model,
            @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
            @Schema(description = "Why generation stopped") FinishReasonView finishReason, UsageView.Tokens usage,
            UsageView.CostView cost,
            @Schema(description = "Time from the request to the end of the stream, in milliseconds", example = "1830")
            long latencyMs,
            @ArraySchema(arraySchema = @Schema(description = "The complete tool calls; absent when none"))
            @Nullable List<ChatViews.ToolCallView> toolCalls,
            @ArraySchema(arraySchema = @Schema(description = "What the gateway changed in the request; absent when nothing"))
            @Nullable List<String> warnings) {
    }
}
