package dev.fmgateway.invocation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Capability;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.ModelCatalog;

/**
 * The one entry point for controllers: looks the model up, then runs the ordered {@link InvocationFilter}s and
 * finally the provider adapters (the only {@link InvocationChain} bean).
 */
@Component
public class ModelInvoker {

    private final ModelCatalog catalog;

    private final InvocationChain chain;

    public ModelInvoker(ModelCatalog catalog, List<InvocationFilter> filters, InvocationChain adapters) {
        this.catalog = catalog;
        InvocationChain chain = adapters;
        for (InvocationFilter filter : filters.reversed()) {
            InvocationChain next = chain;
            chain = invocation -> filter.filter(invocation, next);
        }
        this.chain = chain;
    }

    /**
     * Calls the model named by {@code modelId} (catalog id or alias), which must have one of {@code anyOf}.
     */
    public Completion invoke(String modelId, Set<Capability> anyOf, InferenceRequest request, CallContext context) {
        CatalogModel model = this.catalog.require(modelId, anyOf);
        return invoke(model, request, context);
    }

    /** Calls a model already looked up (and checked) by the caller. */
    public Completion invoke(CatalogModel model, InferenceRequest request, CallContext context) {
        return this.chain.proceed(new Invocation(model, request, context, null));
    }
}
