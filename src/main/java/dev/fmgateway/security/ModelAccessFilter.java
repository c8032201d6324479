package dev.fmgateway.security;

import org.springframework.stereotype.Component;

import dev.fmgateway.invocation.Caller;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;

/** Refuses (403) a model outside the caller's allow-list before it is routed or sent anywhere. */
@Component
class ModelAccessFilter implements InvocationFilter {

    @Override
    public Stage stage() {
        return Stage.ACCESS;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        Caller caller = invocation.context().caller();
        if (!caller.mayUse(invocation.model().id())) {
            throw new ModelNotAllowedException(caller.keyName(), invocation.model().id());
        }
        return next.proceed(invocation);
    }
}
