package dev.fmgateway.usage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fmgateway.web.CallContexts;
import dev.fmgateway.invocation.Caller;
import dev.fmgateway.limits.LimitStatus;
import dev.fmgateway.limits.Limiter;

/**
 * {@code GET /v1/usage}: the ledger aggregated over a window; a key sees only its own usage unless it is an admin
 * key. {@code GET /v1/usage/endpoints}: the instance-hour cost of the configured SageMaker endpoints (admin keys).
 */
@RestController
@Tag(name = "Usage")
class UsageController {

    private final UsageRepository repository;

    private final EndpointCostProperties endpoints;

    private final EndpointActivity activity;

    private final Clock clock;

    private final ObjectProvider<Limiter> limiter;

    UsageController(UsageRepository repository, EndpointCostProperties endpoints, EndpointActivity activity,
            Clock clock, ObjectProvider<Limiter> limiter) {
        this.repository = repository;
        this.limiter = limiter;
        this.endpoints = endpoints;
        this.activity = activity;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/usage", produces = "application/json")
    @Operation(operationId = "getUsage", summary = "Usage and cost over a window",
            description = "The ledger aggregated over `from`..`to`, grouped by `groupBy` (model, apiKey, region, day). "
                    + "A key sees only its own usage unless it is an admin key. `limits` lists the configured "
                    + "limits that concern the key (all of them for an admin key) and what is left of them.")
    UsageReport usage(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String apiKey, HttpServletRequest request) {
        UsageWindow window = UsageWindow.of(from, to, this.clock);
        List<UsageDimension> dimensions = dimensions(groupBy);
        String scope = scope(CallContexts.caller(request), apiKey);
        List<UsageGroup> groups = this.repository
            .aggregate(new UsageQuery(window.from(), window.to(), dimensions, scope));
        Caller caller = CallContexts.caller(request);
        Limiter limits = this.limiter.getIfAvailable();
        List<LimitStatus> status = limits != null && !limits.rules().isEmpty() ? limits.status(caller) : null;
        return new UsageReport(window.from(), window.to(), dimensions.stream().map(UsageDimension::wireName).toList(),
                scope, groups, UsageGroup.total(groups), status);
    }

    @GetMapping(path = "/v1/usage/endpoints", produces = "application/json")
    @Operation(operationId = "getEndpointCosts", summary = "SageMaker endpoint instance-hour cost (admin keys)",
            description = "The instance-hour cost of the configured SageMaker endpoints over a window.")
    EndpointCostReport endpoints(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, HttpServletRequest request) {
        if (!CallContexts.caller(request).admin()) {
            throw new AdminRequiredException("The endpoint cost report needs an admin key");
        }
        UsageWindow window = UsageWindow.of(from, to, this.clock);
        Map<String, Long> calls = this.repository.endpointCalls(window.from(), window.to());
        List<EndpointCostReport.Entry> entries = new ArrayList<>();
        this.endpoints.endpoints().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> entries
            .add(EndpointCostReport.Entry.of(e.getKey(), e.getValue(), window, calls.getOrDefault(e.getKey(), 0L),
                    this.activity)));
        return new EndpointCostReport(window.from(), window.to(), this.endpoints.idleAfter().toSeconds(), entries);
    }

    private static @Nullable String scope(Caller caller, @Nullable String apiKey) {
        if (caller.admin()) {
            return apiKey != null && !apiKey.isBlank() ? apiKey.trim() : null;
        }
        if (apiKey != null && !apiKey.isBlank() && !apiKey.trim().equals(caller.keyName())) {
            throw new AdminRequiredException("Only admin keys may see the usage of other keys");
        }
        return caller.keyName();
    }

    private static List<UsageDimension> dimensions(@Nullable String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return List.of(UsageDimension.MODEL);
        }
        Set<UsageDimension> dimensions = new LinkedHashSet<>();
        for (String name : groupBy.split(",")) {
            dimensions.add(UsageDimension.fromWire(name.trim())
                .orElseThrow(() -> new InvalidUsageQueryException("groupBy",
                        "'groupBy' takes a comma-separated list of " + UsageDimension.wireNames(),
                        UsageDimension.wireNames())));
        }
        return List.copyOf(dimensions);
    }
}
