package dev.fmgateway.catalog;

import dev.fmgateway.GatewayMode;
import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;

/** Answers 410 {@code MODEL_RETIRED} (naming the successor) before any routing, unless retired models are served. */
@Component
class LifecycleFilter implements InvocationFilter {

    private final boolean serveRetired;

    LifecycleFilter(LifecycleProperties properties, GatewayMode mode) {
        this.serveRetired = properties.serveRetired() != null ? properties.serveRetired()
                : mode == GatewayMode.EMULATOR;
    }

    @Override
    public Stage stage() {
        return Stage.LIFECYCLE;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        CatalogModel model = invocation.model();
        if (model.lifecycle().status() == LifecycleStatus.RETIRED && !this.serveRetired
                && !model.lifecycle().serveRetired()) {
            throw new ModelRetiredException(model);
        }
        return next.proceed(invocation);
    }
}
