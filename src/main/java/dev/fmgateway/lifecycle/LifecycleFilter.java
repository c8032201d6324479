package dev.fmgateway.lifecycle;

import dev.fmgateway.GatewayMode;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.LifecycleStatus;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.InvocationOrder;

/** Answers 410 {@code MODEL_RETIRED} (naming the successor) before any routing, unless retired models are served. */
@Component
@Order(InvocationOrder.LIFECYCLE)
class LifecycleFilter implements InvocationFilter {

    private final boolean serveRetired;

    LifecycleFilter(LifecycleProperties properties, GatewayMode mode) {
        this.serveRetired = properties.serveRetired() != null ? properties.serveRetired()
                : mode == GatewayMode.EMULATOR;
    }

    @Override
    public Completion filter(Invocation invocation, InvocationChain next) {
        CatalogModel model = invocation.model();
        if (model.lifecycle().status() == LifecycleStatus.RETIRED && !this.serveRetired
                && !model.lifecycle().serveRetired()) {
            throw new ModelRetiredException(model);
        }
        return next.proceed(invocation);
    }
}
