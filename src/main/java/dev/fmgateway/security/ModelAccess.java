package dev.fmgateway.security;

import dev.fmgateway.web.CallContexts;
import jakarta.servlet.http.HttpServletRequest;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.invocation.Caller;

/**
 * The allow-list as the catalog routes see it: a listing shows a caller only the models it may call, and looking up
 * one it may not call is 403 {@code MODEL_NOT_ALLOWED}, as calling it would be (the catalog is not secret; the
 * filter is so that a client sees what it can use).
 */
public final class ModelAccess {

    private ModelAccess() {
    }

    /** The caller the API-key step identified; without one (a route it does not cover) nobody: no model, no admin. */
    public static Caller caller(HttpServletRequest request) {
        return request.getAttribute(CallContexts.CALLER) instanceof Caller caller ? caller
                : new Caller(Caller.ANONYMOUS, null, false, java.util.Set.of());
    }

    public static boolean visible(HttpServletRequest request, CatalogModel model) {
        return caller(request).mayUse(model.id());
    }

    /** The model, if the caller may call it; 403 {@code MODEL_NOT_ALLOWED} otherwise. */
    public static CatalogModel require(HttpServletRequest request, CatalogModel model) {
        Caller caller = caller(request);
        if (!caller.mayUse(model.id())) {
            throw new ModelNotAllowedException(caller.keyName(), model.id());
        }
        return model;
    }
}
