package dev.fmgateway.invocation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.http.HttpHeaders;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Lifecycle;
import dev.fmgateway.catalog.LifecycleStatus;

/**
 * The headers every model response carries: which model and region served it, its usage and cost, and for a
 * LEGACY model the {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and successor {@code Link} headers.
 */
public final class ModelResponseHeaders {

    private ModelResponseHeaders() {
    }

    public static HttpHeaders of(Completion completion) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Gateway-Model", completion.model().id());
        headers.set("X-Gateway-Region", completion.deployment().region());
        headers.set("X-Gateway-Cost-USD", completion.costOrZero().usd().toPlainString());
        if (completion.result().usage() instanceof Usage.Tokens(long input, long output, boolean estimated)) {
            headers.set("X-Gateway-Input-Tokens", Long.toString(input));
            headers.set("X-Gateway-Output-Tokens", Long.toString(output));
        }
        lifecycle(completion.model(), headers);
        return headers;
    }

    static void lifecycle(CatalogModel model, HttpHeaders headers) {
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
