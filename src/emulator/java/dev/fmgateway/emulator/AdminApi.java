package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Unsigned admin endpoints for scripts and benchmarks, answered to loopback callers only:
 * {@code GET /_emulator/health}, {@code POST|GET|DELETE /_emulator/faults}, {@code DELETE /_emulator/faults/{id}},
 * {@code GET|DELETE /_emulator/requests}.
 */
final class AdminApi {

    private static final Set<String> RULE_KEYS = Set.of("kind", "service", "region", "target", "every", "limit",
            "durationMs", "afterEvents", "exception", "originalStatusCode", "message");

    private final Faults faults;
    private final RecordedRequests requests;

    AdminApi(Faults faults, RecordedRequests requests) {
        this.faults = faults;
        this.requests = requests;
    }

    void handle(Exchange exchange) {
        if (!exchange.fromLoopback()) {
            exchange.sendText(403, "admin API is loopback-only");
            return;
        }
        String path = exchange.rawPath();
        String method = exchange.method();
        switch (path) {
            case "/_emulator/health" -> exchange.sendJson(200, Json.object().put("status", "UP"), Map.of());
            case "/_emulator/faults" -> {
                switch (method) {
                    case "POST" -> addRule(exchange);
                    case "GET" -> exchange.sendJson(200, rules(), Map.of());
                    case "DELETE" -> {
                        faults.clear();
                        exchange.send(204, "application/json", new byte[0], Map.of());
                    }
                    default -> exchange.sendText(405, "method not allowed");
                }
            }
            case "/_emulator/requests" -> {
                if (method.equals("DELETE")) {
                    requests.clear();
                    exchange.send(204, "application/json", new byte[0], Map.of());
                }
                else {
                    ArrayNode list = Json.array();
                    requests.all().forEach(r -> list.addObject().put("method", r.method()).put("path", r.rawPath())
                            .put("service", r.service()).put("region", r.region()).put("bodyBytes", r.body().length)
                            .put("receivedAt", r.receivedAt().toString()));
                    exchange.sendJson(200, list, Map.of());
                }
            }
            default -> removeRule(exchange, path, method);
        }
    }

    private void removeRule(Exchange exchange, String path, String method) {
        if (method.equals("DELETE") && path.matches("/_emulator/faults/\\d+")) {
            boolean removed = faults.remove(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
            exchange.send(removed ? 204 : 404, "application/json", new byte[0], Map.of());
            return;
        }
        exchange.sendText(404, "unknown admin path " + path);
    }

    private void addRule(Exchange exchange) {
        FaultRule rule;
        try {
            rule = parseRule(Json.parseObject(exchange.body()));
        }
        catch (ApiException | IllegalArgumentException e) {
            exchange.sendJson(400, Json.object().put("message", e.getMessage()), Map.of());
            return;
        }
        int id = faults.add(rule);
        ObjectNode body = Json.object().put("id", id);
        body.set("rule", toJson(rule));
        exchange.sendJson(201, body, Map.of());
    }

    static FaultRule parseRule(ObjectNode json) {
        JsonChecks checks = new JsonChecks();
        checks.onlyKeys("#", json, RULE_KEYS);
        String kind = checks.string("#", json, "kind", true);
        String service = checks.enumValue("#", json, "service", false, Set.of("bedrock", "sagemaker"));
        String region = checks.string("#", json, "region", false);
        String target = checks.string("#", json, "target", false);
        Long every = checks.integer("#", json, "every", false, 1, Integer.MAX_VALUE);
        Long limit = checks.integer("#", json, "limit", false, 0, Integer.MAX_VALUE);
        Long durationMs = checks.integer("#", json, "durationMs", false, 0, 3_600_000);
        Long afterEvents = checks.integer("#", json, "afterEvents", false, 0, Integer.MAX_VALUE);
        String exception = checks.string("#", json, "exception", false);
        Long status = checks.integer("#", json, "originalStatusCode", false, 0, 999);
        String message = checks.string("#", json, "message", false);
        checks.throwIfAny();
        FaultRule rule = FaultRule.of(FaultRule.Kind.fromJson(kind));
        return new FaultRule(rule.kind(), service, region, target, every == null ? 1 : every.intValue(),
                limit == null ? 0 : limit.intValue(), durationMs == null ? rule.duration() : Duration.ofMillis(durationMs),
                afterEvents == null ? 0 : afterEvents.intValue(), exception,
                status == null ? rule.originalStatusCode() : status.intValue(), message);
    }

    private ArrayNode rules() {
        ArrayNode list = Json.array();
        faults.rules().forEach(rule -> list.add(toJson(rule)));
        return list;
    }

    static ObjectNode toJson(FaultRule rule) {
        return Json.object().put("kind", rule.kind().jsonName()).put("service", rule.service()).put("region", rule.region())
                .put("target", rule.target()).put("every", rule.every()).put("limit", rule.limit())
                .put("durationMs", rule.duration().toMillis()).put("afterEvents", rule.afterEvents())
                .put("exception", rule.exception()).put("originalStatusCode", rule.originalStatusCode())
                .put("message", rule.message());
    }
}
