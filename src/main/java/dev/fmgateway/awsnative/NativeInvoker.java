package dev.fmgateway.awsnative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.CallContext;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.ModelInvoker;
import dev.fmgateway.invocation.NativeCall;
import dev.fmgateway.invocation.NativeResult;
import dev.fmgateway.invocation.TextDeltaSink;
import dev.fmgateway.invocation.Usage;
import dev.fmgateway.problem.GatewayException;
import dev.fmgateway.web.CallContexts;
import dev.fmgateway.web.ModelResponseHeaders;
import dev.fmgateway.web.RequestIds;

/**
 * Serves one native call: authenticates it, resolves its model id, and sends the caller's body unchanged through
 * the gateway's pipeline (allow-list, lifecycle, routing within the id's pin, ledger, metering, resilience). A
 * plain answer carries the upstream body and content type, the token-count and latency headers describing the call
 * that served, and the gateway's headers; a stream relays the upstream's parts as event-stream frames.
 */
@Component
class NativeInvoker {

    /** Models the native routes serve: those billed by tokens (image and segmentation models are not, yet). */
    private static final Set<Capability> SERVED = Set.of(Capability.TEXT_GENERATION, Capability.CHAT,
            Capability.EMBEDDING);

    private static final List<String> BEDROCK_OPTIONS = List.of("X-Amzn-Bedrock-Trace",
            "X-Amzn-Bedrock-GuardrailIdentifier", "X-Amzn-Bedrock-GuardrailVersion",
            "X-Amzn-Bedrock-PerformanceConfig-Latency", "X-Amzn-Bedrock-Service-Tier",
            "X-Amzn-Bedrock-Request-Metadata");

    private static final List<String> SAGEMAKER_OPTIONS = List.of("X-Amzn-SageMaker-Custom-Attributes",
            "X-Amzn-SageMaker-Target-Model", "X-Amzn-SageMaker-Target-Variant",
            "X-Amzn-SageMaker-Target-Container-Hostname", "X-Amzn-SageMaker-Inference-Id",
            "X-Amzn-SageMaker-Inference-Component", "X-Amzn-SageMaker-Session-Id");

    private final NativeAuth auth;

    private final NativeModels models;

    private final ModelInvoker invoker;

    private final JsonMapper json;

    NativeInvoker(NativeAuth auth, NativeModels models, ModelInvoker invoker, JsonMapper json) {
        this.auth = auth;
        this.models = models;
        this.invoker = invoker;
        this.json = json;
    }

    /** InvokeModel / InvokeEndpoint. */
    ResponseEntity<byte[]> invoke(AwsService service, String id, HttpServletRequest request) {
        return plain(service, id, request, false);
    }

    /** Converse: the caller's Converse body, to any Converse-capable deployment of the model. */
    ResponseEntity<byte[]> converse(String id, HttpServletRequest request) {
        return plain(AwsService.BEDROCK, id, request, true);
    }

    private ResponseEntity<byte[]> plain(AwsService service, String id, HttpServletRequest request,
            boolean converse) {
        Prepared call = prepare(service, id, request, false, null, converse);
        long started = System.nanoTime();
        Completion<NativeResult> completion = this.invoker.invoke(call.model(), call.request(), call.context());
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        NativeResult result = completion.result();
        HttpHeaders headers = ModelResponseHeaders.of(completion);
        result.headers().forEach(headers::set);
        if (service == AwsService.BEDROCK) {
            Usage.Tokens usage = result.usage();
            headers.set("X-Amzn-Bedrock-Input-Token-Count", Long.toString(usage.input()));
            headers.set("X-Amzn-Bedrock-Output-Token-Count", Long.toString(usage.output()));
            headers.set("X-Amzn-Bedrock-Invocation-Latency", Long.toString(latencyMs));
        }
        headers.set("x-amzn-RequestId", RequestIds.current());
        headers.setContentType(MediaType.parseMediaType(result.contentType()));
        return ResponseEntity.ok().headers(headers).body(result.body());
    }

    /** InvokeModelWithResponseStream / InvokeEndpointWithResponseStream, written straight to the response. */
    void stream(AwsService service, String id, HttpServletRequest request, HttpServletResponse response) {
        stream(service, id, request, response, false);
    }

    /** ConverseStream: the upstream's event-stream frames relayed as they come. */
    void converseStream(String id, HttpServletRequest request, HttpServletResponse response) {
        stream(AwsService.BEDROCK, id, request, response, true);
    }

    private void stream(AwsService service, String id, HttpServletRequest request, HttpServletResponse response,
            boolean converse) {
        Prepared call = prepare(service, id, request, true, response, converse);
        if (!call.model().streaming()) {
            throw AwsError.validation(service, "The model is unsupported for streaming");
        }
        EventStreamWriter writer = (EventStreamWriter) call.request().sink();
        response.setHeader("x-amzn-RequestId", RequestIds.current());
        try {
            Completion<NativeResult> completion = this.invoker.invoke(call.model(), call.request(), call.context());
            if (!writer.started()) {
                writer.open(completion.deployment(), completion.result().contentType());
            }
        }
        catch (TextDeltaSink.ClientGoneException gone) {
            // The client left; the upstream stream was cancelled and the call metered. Nothing more to write.
        }
        catch (GatewayException ex) {
            if (!writer.started()) {
                throw ex;
            }
            try {
                writer.error(ex.detail());
            }
            catch (TextDeltaSink.ClientGoneException gone) {
                // Nobody is left to tell.
            }
        }
    }

    private record Prepared(CatalogModel model, NativeCall request, CallContext context) {
    }

    private Prepared prepare(AwsService service, String id, HttpServletRequest request, boolean stream,
            @Nullable HttpServletResponse response, boolean converse) {
        byte[] body = body(request);
        request.setAttribute(CallContexts.CALLER, this.auth.authenticate(request, body, service));
        NativeModels.Target target = service == AwsService.BEDROCK ? this.models.bedrock(id)
                : this.models.sageMaker(id);
        CatalogModel model = target.model();
        if (SERVED.stream().noneMatch(model::can)) {
            throw AwsError.validation(service, "The model '" + model.id() + "' is not served through the native "
                    + "routes of this gateway; use /v1 routes for image and segmentation models.");
        }
        if (converse && model.deployments().stream()
            .noneMatch(d -> d.backend() == Backend.BEDROCK && NativeCall.CONVERSE_FAMILIES.contains(d.family()))) {
            throw AwsError.validation(service, "This action doesn't support the model that you provided. The model '"
                    + model.id() + "' is served through InvokeModel only (/model/{modelId}/invoke).");
        }
        if (body.length == 0) {
            throw AwsError.validation(service, "The request body is required.");
        }
        String contentType = request.getContentType() != null ? request.getContentType() : "application/json";
        String accept = converse ? "application/json" : accept(service, request, stream);
        EventStreamWriter sink = stream && response != null
                ? new EventStreamWriter(response, service, model, this.json, converse) : null;
        NativeCall call = new NativeCall(body, contentType, accept, service.backend(), target.family(),
                options(service, request), sink, converse);
        CallContext context = CallContexts.current(target.pin(), request.getHeader("X-Gateway-Region"));
        return new Prepared(model, call, context);
    }

    /** The accepted answer type: {@code Accept}, or on stream operations the service's own accept header. */
    private static String accept(AwsService service, HttpServletRequest request, boolean stream) {
        String header = !stream ? "Accept"
                : service == AwsService.BEDROCK ? "X-Amzn-Bedrock-Accept" : "X-Amzn-SageMaker-Accept";
        String accept = request.getHeader(header);
        return accept == null || accept.isBlank() || accept.equals("*/*") ? "application/json" : accept;
    }

    private static Map<String, String> options(AwsService service, HttpServletRequest request) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name : service == AwsService.BEDROCK ? BEDROCK_OPTIONS : SAGEMAKER_OPTIONS) {
            String value = request.getHeader(name);
            if (value != null) {
                options.put(name, value);
            }
        }
        return options;
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
