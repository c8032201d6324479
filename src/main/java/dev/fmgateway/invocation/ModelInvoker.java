package dev.fmgateway.invocation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Guardrail;
import dev.fmgateway.catalog.ModelCatalog;

/**
 * The one entry point for routes: looks the model up, then runs one {@link InvocationFilter} per {@link Stage},
 * in the stages' order, and finally the provider adapters (the only {@link InvocationChain} bean).
 */
@Component
public class ModelInvoker {

    private final ModelCatalog catalog;

    private final InvocationChain chain;

    private final Duration defaultDeadline;

    public ModelInvoker(ModelCatalog catalog, List<InvocationFilter> filters, InvocationChain adapters,
            @Value("${gateway.resilience.deadline:60s}") Duration defaultDeadline) {
        this.catalog = catalog;
        this.defaultDeadline = defaultDeadline;
        InvocationChain chain = adapters;
        for (InvocationFilter filter : inStageOrder(filters).reversed()) {
            InvocationChain next = chain;
            chain = invocation -> filter.filter(invocation, next);
        }
        this.chain = chain;
    }

    /** The filters in {@link Stage} order; a stage with no filter, or with two, is a wiring error. */
    static List<InvocationFilter> inStageOrder(List<InvocationFilter> filters) {
        Map<Stage, InvocationFilter> byStage = new EnumMap<>(Stage.class);
        for (InvocationFilter filter : filters) {
            InvocationFilter other = byStage.put(filter.stage(), filter);
            if (other != null) {
                throw new IllegalStateException("Two filters for stage " + filter.stage() + ": "
                        + other.getClass().getSimpleName() + " and " + filter.getClass().getSimpleName());
            }
        }
        EnumSet<Stage> missing = EnumSet.allOf(Stage.class);
        missing.removeAll(byStage.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No filter for stage(s) " + missing);
        }
        return List.copyOf(byStage.values());
    }

    /**
     * Calls the model named by {@code modelId} (catalog id or alias), which must have one of {@code anyOf}.
     */
    public <R extends InferenceResult> Completion<R> invoke(String modelId, Set<Capability> anyOf,
            InferenceRequest<R> request, CallContext context) {
        CatalogModel model = this.catalog.require(modelId, anyOf);
        return invoke(model, request, context);
    }

    /** Calls a model already looked up (and checked) by the caller. */
    public <R extends InferenceResult> Completion<R> invoke(CatalogModel model, InferenceRequest<R> request,
            CallContext context) {
        return invoke(model, request, context, deadline(model, context));
    }

    /** Calls a model under a deadline shared with other calls of the same request (e.g. several choices). */
    public <R extends InferenceResult> Completion<R> invoke(CatalogModel model, InferenceRequest<R> request,
            CallContext context, Deadline deadline) {
        return this.chain.proceed(new Invocation(model, guarded(request, model, context.caller()), context, deadline,
                List.of(), null))
            .as(request.resultType());
    }

    /** A chat request through the guardrail the caller's key names, else the one the catalog names for the model. */
    @SuppressWarnings("unchecked")
    private static <R extends InferenceResult> InferenceRequest<R> guarded(InferenceRequest<R> request,
            CatalogModel model, Caller caller) {
        Guardrail guardrail = caller.guardrail() != null ? caller.guardrail() : model.guardrail();
        if (guardrail == null) {
            return request;
        }
        return switch (request) {
            case TextPrompt prompt -> (InferenceRequest<R>) prompt.withGuardrail(guardrail);
            case TextStream stream -> (InferenceRequest<R>) new TextStream(stream.prompt().withGuardrail(guardrail),
                    stream.sink());
            default -> request;
        };
    }

    /** The model's deadline (or the default); a caller may ask for less, never for more. */
    public Deadline deadline(CatalogModel model, CallContext context) {
        Duration limit = model.timeout() != null ? model.timeout() : this.defaultDeadline;
        Duration asked = context.timeout();
        return Deadline.in(asked != null && asked.compareTo(limit) < 0 ? asked : limit);
    }
}
