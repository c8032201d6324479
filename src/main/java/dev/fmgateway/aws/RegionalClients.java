package dev.fmgateway.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import software.amazon.awssdk.utils.SdkAutoCloseable;

/** One long-lived SDK client per region, built on first use and closed with the application. */
public final class RegionalClients<C extends SdkAutoCloseable> implements AutoCloseable {

    private final Map<String, C> byRegion = new ConcurrentHashMap<>();

    private final Function<String, C> factory;

    public RegionalClients(Function<String, C> factory) {
        this.factory = factory;
    }

    public C in(String region) {
        return this.byRegion.computeIfAbsent(region, this.factory);
    }

    @Override
    public void close() {
        this.byRegion.values().forEach(SdkAutoCloseable::close);
    }
}
