package dev.fmgateway.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.http.HttpHeaders;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Lifecycle;
import dev.fmgateway.catalog.LifecycleStatus;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Cost;
import dev.fmgateway.invocation.Usage;

/**
 * The headers every model response carries: which model and region served it, its usage and cost, and for a
 * LEGACY model the {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and successor {@code Link} headers.
 */
public final class ModelResponseHeaders {

    private ModelResponseHeaders() {
    }

    public static HttpHeaders of(Completion completion) {
        return of(completion.model(), completion.deployment().region(), completion.costOrZero(),
                completion.result().usage());
    }

    /** Headers for a response that aggregates several calls (embedding fan-out): their total cost and usage. */
    public static HttpHeaders of(CatalogModel model, String region, Cost cost, Usage usage) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Gateway-Model", model.id());
        headers.set("X-Gateway-Region", region);
        headers.set("X-Gateway-Cost-USD", cost.usd().toPlainString());
        Usage.Tokens tokens = switch (usage) {
            case Usage.Tokens counted -> counted;
            case Usage.Images images -> new Usage.Tokens(0, 0, false);
            case Usage.Requests requests -> new Usage.Tokens(0, 0, false);
        };
        headers.set("X-Gateway-Input-Tokens", Long.toString(tokens.input()));
        headers.set("X-Gateway-Output-Tokens", Long.toString(tokens.output()));
        if (tokens.cacheRead() > 0) {
            headers.set("X-Gateway-Cache-Read-Tokens", Long.toString(tokens.cacheRead()));
        }
        if (tokens.cacheWrite() > 0) {
            headers.set("X-Gateway-Cache-Write-Tokens", Long.toString(tokens.cacheWrite()));
        }
        if (tokens.reasoning() > 0) {
            headers.set("X-Gateway-Reasoning-Tokens", Long.toString(tokens.reasoning()));
        }
        lifecycle(model, headers);
        return headers;
    }

    /**
     * The headers a streamed answer can carry before its first part: the model, the serving region and the
     * model's lifecycle (usage and cost are not known yet).
     */
    public static void streamStart(jakarta.servlet.http.HttpServletResponse response, CatalogModel model, String region) {
        response.setHeader("X-Gateway-Model", model.id());
        response.setHeader("X-Gateway-Region", region);
        HttpHeaders lifecycle = new HttpHeaders();
        lifecycle(model, lifecycle);
        lifecycle.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }

    /** {@code Deprecation}, {@code Sunset} and successor {@code Link} for a model that is not ACTIVE. */
    public static void lifecycle(CatalogModel model, HttpHeaders headers) {
        Lifecycle lifecycle = model.lifecycle();
        if (lifecycle.status() == LifecycleStatus.ACTIVE) {
            return;
        }
        LocalDate since = lifecycle.legacyDate();
        headers.set("Deprecation", since != null ? "@" + since.atStartOfDay().toEpochSecond(ZoneOffset.UTC) : "true");
        if (lifecycle.sunsetDate() != null) {
            headers.set("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME
                .format(lifecycle.sunsetDate().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (lifecycle.successor() != null) {
            headers.add(HttpHeaders.LINK, "</v1/models/" + lifecycle.successor() + ">; rel=\"successor-version\"");
        }
    }
}
