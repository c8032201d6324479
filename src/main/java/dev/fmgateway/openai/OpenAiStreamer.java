package dev.fmgateway.openai;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.TextResult;
import dev.fmgateway.invocation.TextStream;
import dev.fmgateway.problem.GatewayException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code "stream": true} on the OpenAI routes: the call runs on the request's (virtual) thread through the same
 * chain as {@code /v1/text/generations} streams, deltas become chunks as they come, then a chunk with the finish
 * reason, a usage chunk when {@code stream_options.include_usage} is set, and {@code data: [DONE]}. A failure
 * after the first chunk is one {@code data: {"error": ...}} line, which OpenAI SDKs raise as an API error.
 */
@Component
class OpenAiStreamer {

    /** The chunks of one route's stream format. */
    interface Shape extends OpenAiStream.DeltaChunks {

        Object finish(String finishReason);

        Object usage(OpenAiUsage usage);

    }

    private final ModelInvoker invoker;

    private final JsonMapper json;

    OpenAiStreamer(ModelInvoker invoker, JsonMapper json) {
        this.invoker = invoker;
        this.json = json;
    }

    void stream(OpenAiTexts.Prepared prepared, CallContext context, Shape shape, boolean includeUsage,
            HttpServletResponse response) {
        HttpHeaders lifecycle = new HttpHeaders();
        ModelResponseHeaders.lifecycle(prepared.model(), lifecycle);
        lifecycle.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader("X-Gateway-Model", prepared.model().id());
        OpenAiStream stream = new OpenAiStream(response, this.json, shape);
        try {
            Completion<TextResult> completion = this.invoker.invoke(prepared.model(), new TextStream(prepared.prompt(), stream),
                    context);
            TextResult result = completion.result();
            stream.data(shape.finish(OpenAiTexts.finishReason(result.finishReason())));
            if (includeUsage) {
                stream.data(shape.usage(OpenAiUsage.of(result.usage())));
            }
            stream.done();
        }
        catch (TextDeltaSink.ClientGoneException gone) {
            // The client left; the upstream stream was cancelled and the partial output metered.
        }
        catch (GatewayException ex) {
            if (!stream.started()) {
                throw ex;
            }
            try {
                stream.data(OpenAiErrors.of(ex));
            }
            catch (TextDeltaSink.ClientGoneException gone) {
                // Nobody is left to tell.
            }
        }
    }
}
