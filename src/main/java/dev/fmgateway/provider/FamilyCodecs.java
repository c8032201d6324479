package dev.fmgateway.provider;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.catalog.PayloadFamily;

/** An adapter's codecs of one kind, by the payload family each speaks. */
public final class FamilyCodecs<C> {

    private final Map<PayloadFamily, C> byFamily = new EnumMap<>(PayloadFamily.class);

    public FamilyCodecs(List<? extends C> codecs, Function<C, PayloadFamily> family) {
        codecs.forEach(codec -> this.byFamily.put(family.apply(codec), codec));
    }

    public boolean speak(PayloadFamily family) {
        return this.byFamily.containsKey(family);
    }

    /** The codec of the deployment's family (the catalog check at start-up makes a missing one a bug). */
    public C of(CatalogModel model, Deployment deployment) {
        C codec = this.byFamily.get(deployment.family());
        if (codec == null) {
            throw new IllegalStateException(
                    model.id() + ": family " + deployment.family() + " cannot serve this request");
        }
        return codec;
    }
}
