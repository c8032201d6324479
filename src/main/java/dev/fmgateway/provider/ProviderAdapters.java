package dev.fmgateway.provider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.ModelCatalog;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;

/**
 * The end of the invocation chain: hands the routed call to the adapter of its backend. Checks at startup that
 * every catalog model has an adapter and codec, so a catalog naming an unknown family does not start.
 */
@Component
class ProviderAdapters implements InvocationChain {

    private final Map<Backend, ProviderAdapter> byBackend = new EnumMap<>(Backend.class);

    ProviderAdapters(List<ProviderAdapter> adapters, ModelCatalog catalog) {
        for (ProviderAdapter adapter : adapters) {
            if (this.byBackend.put(adapter.backend(), adapter) != null) {
                throw new IllegalStateException("Two adapters for " + adapter.backend());
            }
        }
        for (CatalogModel model : catalog.all()) {
            for (Deployment deployment : model.deployments()) {
                ProviderAdapter adapter = this.byBackend.get(deployment.backend());
                if (adapter == null || !adapter.supports(deployment.family())) {
                    throw new IllegalStateException("Model " + model.id() + ": no " + deployment.backend()
                            + " adapter speaks the payload family " + deployment.family());
                }
            }
        }
    }

    @Override
    public Completion<?> proceed(Invocation invocation) {
        Deployment deployment = invocation.deployment();
        if (deployment == null) {
            throw new IllegalStateException("No deployment chosen for " + invocation.model().id());
        }
        ProviderAdapter adapter = this.byBackend.get(deployment.backend());
        return new Completion(invocation.model(), deployment,
                adapter.invoke(invocation.model(), deployment, invocation.request(), invocation.deadline()), null);
    }
}
