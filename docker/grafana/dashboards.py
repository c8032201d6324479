#!/usr/bin/env python3
"""Generates the Grafana dashboards in docker/grafana/dashboards/ (run it after editing; commit both).

    python3 docker/grafana/dashboards.py          # rewrite the JSON files
    python3 docker/grafana/dashboards.py --check  # exit 1 when a committed file differs from what this makes

Every query here runs against live data in bench/stack.sh. A panel whose description starts with "Pending:"
charts a metric the gateway does not export yet; the stack script reports it as pending, not as a failure.
Queries use the dashboard variable $instance and Grafana's $__rate_interval / $__range.
"""
import json
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent / "dashboards"
DS = {"type": "prometheus", "uid": "fm-prometheus"}
INST = 'instance=~"$instance"'
RI = "$__rate_interval"


class Board:
    def __init__(self, uid, title, description):
        self.uid, self.title, self.description = uid, title, description
        self.panels, self.y, self.x, self.row_h, self.next_id = [], 0, 0, 0, 1

    def row(self, title):
        self._newline()
        self.panels.append({"type": "row", "title": title, "id": self._id(), "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}, "panels": []})
        self.y += 1

    def panel(self, title, targets, *, kind="timeseries", unit="short", w=12, h=8, description="",
              legend=None, stack=False, instant=False):
        if self.x + w > 24:
            self._newline()
        p = {"type": kind, "title": title, "id": self._id(), "datasource": DS,
             "gridPos": {"h": h, "w": w, "x": self.x, "y": self.y},
             "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
             "options": {}, "targets": []}
        if description:
            p["description"] = description
        if kind == "timeseries":
            p["fieldConfig"]["defaults"]["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10,
                                                     "stacking": {"mode": "normal" if stack else "none"}}
            p["options"] = {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
                            "tooltip": {"mode": "multi", "sort": "desc"}}
        elif kind == "table":
            p["options"] = {"showHeader": True}
            p["transformations"] = [{"id": "merge", "options": {}}]
        elif kind == "stat":
            p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                            "colorMode": "value", "graphMode": "area", "textMode": "auto"}
        for i, t in enumerate(targets):
            expr, leg = t if isinstance(t, tuple) else (t, legend)
            target = {"refId": chr(ord("A") + i), "datasource": DS, "expr": expr, "range": not instant,
                      "instant": instant}
            if leg:
                target["legendFormat"] = leg
            if kind == "table":
                target["format"] = "table"
            p["targets"].append(target)
        self.panels.append(p)
        self.x += w
        self.row_h = max(self.row_h, h)

    def text(self, title, content, w=12, h=4):
        if self.x + w > 24:
            self._newline()
        self.panels.append({"type": "text", "title": title, "id": self._id(),
                            "gridPos": {"h": h, "w": w, "x": self.x, "y": self.y},
                            "options": {"mode": "markdown", "content": content}})
        self.x += w
        self.row_h = max(self.row_h, h)

    def _newline(self):
        if self.x:
            self.y += self.row_h
        self.x, self.row_h = 0, 0

    def _id(self):
        self.next_id += 1
        return self.next_id - 1

    def json(self):
        return {
            "uid": self.uid, "title": self.title, "description": self.description,
            "tags": ["fm-gateway"], "timezone": "browser", "editable": True, "graphTooltip": 1,
            "schemaVersion": 39, "version": 1, "refresh": "30s",
            "time": {"from": "now-1h", "to": "now"},
            "annotations": {"list": []},
            "links": [{"title": "fm-gateway dashboards", "type": "dashboards", "tags": ["fm-gateway"],
                       "asDropdown": True}],
            "templating": {"list": [{
                "name": "instance", "label": "Replica", "type": "query", "datasource": DS,
                "query": {"query": 'label_values(up{job="fm-gateway"}, instance)', "refId": "instance"},
                "definition": 'label_values(up{job="fm-gateway"}, instance)',
                "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2, "sort": 1,
                "current": {"selected": True, "text": ["All"], "value": ["$__all"]}}]},
            "panels": self.panels,
        }


def overview():
    b = Board("fm-gateway-overview", "FM Gateway — Overview",
              "Traffic, errors, latency, throttling and failover, circuit breakers and the usage ledger.")
    b.row("Traffic and errors")
    b.panel("Replicas up", [(f'up{{job="fm-gateway", {INST}}}', "{{instance}}")], kind="stat", w=6, h=6,
            description="1 when Prometheus scraped the replica's management port (8081) last time.")
    b.panel("Requests per second, all models", [(f'sum(rate(gateway_requests_seconds_count{{{INST}}}[{RI}]))', "req/s")],
            kind="stat", unit="reqps", w=6, h=6)
    b.panel("Error ratio, all models",
            [(f'sum(rate(gateway_requests_seconds_count{{outcome!="ok", {INST}}}[{RI}])) '
              f'/ sum(rate(gateway_requests_seconds_count{{{INST}}}[{RI}]))', "errors")],
            kind="stat", unit="percentunit", w=6, h=6,
            description="Calls that did not end ok (any error code, caller errors included) over all calls.")
    b.panel("Requests per second by replica", [(f'sum by (instance) (rate(gateway_requests_seconds_count{{{INST}}}[{RI}]))',
             "{{instance}}")], unit="reqps", w=6, h=6)
    b.panel("Requests per second by model",
            [(f'sum by (model) (rate(gateway_requests_seconds_count{{{INST}}}[{RI}]))', "{{model}}")], unit="reqps",
            stack=True)
    b.panel("Errors per second by model and code",
            [(f'sum by (model, outcome) (rate(gateway_requests_seconds_count{{outcome!="ok", {INST}}}[{RI}]))',
              "{{model}} {{outcome}}")], unit="reqps", stack=True,
            description="outcome is the RFC 9457 problem code the caller got (UPSTREAM_THROTTLED, RATE_LIMITED, ...).")
    b.panel("Upstream calls per second by region and result",
            [(f'sum by (region, kind) (label_replace(rate(resilience4j_circuitbreaker_calls_seconds_count{{{INST}}}[{RI}]), '
              f'"region", "$1", "name", "[a-z]+:([^:]+):.*"))', "{{region}} {{kind}}")], unit="reqps", stack=True,
            description="Each attempt at a deployment (backend:region:upstream-id), retries and failover included; "
                        "the region is taken from the circuit breaker's name.")
    b.panel("Upstream failures per second by model and region",
            [(f'sum by (model, region) (rate(gateway_upstream_failures_total{{{INST}}}[{RI}]))', "{{model}} {{region}}")],
            unit="reqps", stack=True,
            description="Retriable upstream failures (throttling, not ready, timeouts, 5xx) by model and region; "
                        "each one is followed by a retry or failover while attempts remain.")
    b.panel("HTTP answers per second by route and status",
            [(f'sum by (uri, status) (rate(http_server_requests_seconds_count{{uri!~"/actuator.*", {INST}}}[{RI}]))',
              "{{status}} {{uri}}")], unit="reqps", stack=True, w=24)

    b.row("Latency")
    b.panel("Latency percentiles, all models",
            [(f'histogram_quantile({q}, sum by (le) (rate(gateway_requests_seconds_bucket{{{INST}}}[{RI}])))', f"p{p}")
             for q, p in (("0.5", "50"), ("0.95", "95"), ("0.99", "99"))], unit="s",
            description="Whole call as the gateway saw it (a stream: until its last event), retries included.")
    b.panel("p95 latency by model",
            [(f'histogram_quantile(0.95, sum by (le, model) (rate(gateway_requests_seconds_bucket{{{INST}}}[{RI}])))',
              "{{model}}")], unit="s")
    b.panel("p99 latency by operation",
            [(f'histogram_quantile(0.99, sum by (le, operation) (rate(gateway_requests_seconds_bucket{{{INST}}}[{RI}])))',
              "{{operation}}")], unit="s")
    b.text("Time to first token",
           "**No metric yet.** The gateway does not export a time-to-first-token measurement for streams "
           "(`gateway_requests_seconds` times a stream until its last event). This panel gets a query once the "
           "gateway records one.", w=12, h=8)

    b.row("Throttling and failover")
    b.panel("Upstream throttling per second by model and region",
            [(f'sum by (model, region) (rate(gateway_upstream_failures_total{{code="UPSTREAM_THROTTLED", {INST}}}[{RI}]))',
              "{{model}} {{region}}")], unit="reqps", stack=True)
    b.panel("Throttled answers to callers (429) by model",
            [(f'sum by (model, outcome) (rate(gateway_requests_seconds_count{{outcome=~"UPSTREAM_THROTTLED|RATE_LIMITED", {INST}}}[{RI}]))',
              "{{model}} {{outcome}}")], unit="reqps", stack=True,
            description="UPSTREAM_THROTTLED: every allowed deployment throttled; RATE_LIMITED: the gateway's own "
                        "adaptive concurrency limit per deployment.")
    b.panel("Calls saved by failover per second",
            [(f'sum by (model) (rate(gateway_failover_recovered_total{{{INST}}}[{RI}]))', "{{model}}")], unit="reqps",
            description="Calls that succeeded after a retry or on another deployment (another region or profile).")
    b.panel("Upstream failures per second by code",
            [(f'sum by (code) (rate(gateway_upstream_failures_total{{{INST}}}[{RI}]))', "{{code}}")], unit="reqps",
            stack=True)

    b.row("Circuit breakers and concurrency")
    b.panel("Deployments by circuit state",
            [(f'sum by (state) (resilience4j_circuitbreaker_state{{{INST}}})', "{{state}}")], unit="short",
            description="Summed over replicas: each replica keeps its own circuit per deployment.")
    b.panel("Circuits not closed",
            [(f'max by (instance, name, state) (resilience4j_circuitbreaker_state{{state!="closed", {INST}}}) == 1', None)],
            kind="table", instant=True,
            description="Each deployment (backend:region:upstream-id) whose circuit is open or half-open, per replica.")
    b.panel("Circuit failure rate by deployment",
            [(f'max by (name) (resilience4j_circuitbreaker_failure_rate{{{INST}}} >= 0)', "{{name}}")], unit="percent",
            description="Over the sliding window; the circuit opens at gateway.resilience.failure-rate-threshold (50 %).")
    b.panel("Calls refused by an open circuit per second",
            [(f'sum by (name) (rate(resilience4j_circuitbreaker_not_permitted_calls_total{{{INST}}}[{RI}]))', "{{name}}")],
            unit="reqps")
    b.panel("Concurrency limit and calls in flight by deployment",
            [(f'max by (deployment) (gateway_concurrency_limit{{{INST}}})', "limit {{deployment}}"),
             (f'sum by (deployment) (gateway_concurrency_in_flight{{{INST}}})', "in flight {{deployment}}"),
             (f'sum by (deployment) (gateway_concurrency_waiting{{{INST}}})', "waiting {{deployment}}")],
            unit="short",
            description="Each replica's adaptive limit per deployment (throttling and latency growth shrink it, "
                        "healthy load grows it up to gateway.resilience.concurrency.max-limit), the calls in flight "
                        "under it and those waiting in its queue. Callers beyond the queue get 429 RATE_LIMITED.")
    b.panel("Jetty busy threads and connections",
            [(f'sum by (instance) (jetty_connections_current_connections{{{INST}}})', "connections {{instance}}"),
             (f'sum by (instance) (jetty_threads_busy{{{INST}}})', "busy threads {{instance}}")], unit="short")

    b.row("Usage ledger")
    b.panel("Ledger backlog (records not yet in the database)",
            [(f'gateway_ledger_backlog{{{INST}}}', "{{instance}}")], unit="short",
            description="Usage records journaled on the replica's disk (or queued in memory) and not yet written "
                        "to the database; it grows while the database is down and drains when it is back.")
    b.panel("Ledger records per second",
            [(f'sum by (instance) (rate(gateway_ledger_written_total{{{INST}}}[{RI}]))', "written {{instance}}"),
             (f'sum by (instance) (rate(gateway_ledger_dropped_total{{{INST}}}[{RI}]))', "dropped {{instance}}"),
             (f'sum by (instance) (rate(gateway_ledger_rejected_total{{{INST}}}[{RI}]))', "rejected by the database {{instance}}"),
             (f'sum by (instance) (rate(gateway_ledger_journal_failures_total{{{INST}}}[{RI}]))', "not journaled {{instance}}")],
            unit="short")

    b.row("JVM")
    b.panel("Heap used by replica",
            [(f'sum by (instance) (jvm_memory_used_bytes{{area="heap", {INST}}})', "{{instance}}")], unit="bytes")
    b.panel("CPU used by replica",
            [(f'process_cpu_usage{{{INST}}}', "{{instance}}")], unit="percentunit")
    return b


def usage():
    b = Board("fm-gateway-usage", "FM Gateway — Usage, cost and limits",
              "Tokens, images and cost per model, region and key; limit refusals and budget burn; SageMaker endpoints.")
    key_pending = ("Pending: the gateway's gateway_tokens_total and gateway_cost_usd_total have no `key` label yet "
                   "(the caller's key name); until then all traffic shows under an empty key. Per-key usage is in "
                   "the ledger meanwhile (GET /v1/usage).")
    b.row("Tokens and images")
    b.panel("Tokens per second by model and direction",
            [(f'sum by (model, direction) (rate(gateway_tokens_total{{{INST}}}[{RI}]))', "{{model}} {{direction}}")],
            unit="short", stack=True)
    b.panel("Tokens in the time range by model and region",
            [(f'sum by (model, region, direction) (increase(gateway_tokens_total{{{INST}}}[$__range]))', None)],
            kind="table", instant=True)
    b.panel("Tokens per second by key and model",
            [(f'sum by (key, model) (rate(gateway_tokens_total{{{INST}}}[{RI}]))', "{{key}} {{model}}")],
            unit="short", stack=True, description=key_pending)
    b.panel("Images per second by model",
            [(f'sum by (model) (rate(gateway_images_total{{{INST}}}[{RI}]))', "{{model}}")], unit="short", stack=True)

    b.row("Cost")
    b.panel("Spend, USD per hour, by model",
            [(f'sum by (model) (rate(gateway_cost_usd_total{{{INST}}}[{RI}])) * 3600', "{{model}}")],
            unit="currencyUSD", stack=True,
            description="Provider list prices from the catalog, per call. SageMaker calls cost 0 here: endpoints bill by "
                        "instance-hour (see below).")
    b.panel("Spend in the time range by model and region",
            [(f'sum by (model, region) (increase(gateway_cost_usd_total{{{INST}}}[$__range]))', None)],
            kind="table", unit="currencyUSD", instant=True)
    b.panel("Spend, USD per hour, by key and model",
            [(f'sum by (key, model) (rate(gateway_cost_usd_total{{{INST}}}[{RI}])) * 3600', "{{key}} {{model}}")],
            unit="currencyUSD", stack=True, description=key_pending)
    b.panel("SageMaker endpoints: cost per hour while running",
            [(f'max by (endpoint, instance_type) (gateway_sagemaker_endpoint_hourly_cost_usd{{{INST}}})',
              "{{endpoint}} ({{instance_type}})")], kind="table", unit="currencyUSD", instant=True,
            description="Instance-hour price of each configured endpoint (gateway.sagemaker.endpoints); they cost this "
                        "whether called or not.")
    b.panel("SageMaker endpoints: time since last call",
            [(f'min by (endpoint) (gateway_sagemaker_endpoint_idle_seconds{{{INST}}})', "{{endpoint}}")], unit="s",
            description="Flagged idle after gateway.sagemaker.idle-after (1 h): candidates to scale down.")

    b.row("Limits and budgets")
    b.panel("Limit refusals per second by reason",
            [(f'sum by (reason, scope) (rate(gateway_limits_refusals_total{{{INST}}}[{RI}]))', "{{reason}} ({{scope}})")],
            unit="reqps", stack=True,
            description="Calls refused by the configured limits and budgets (config/limits.yaml), by reason "
                        "and the scope of the limit that refused.")
    b.panel("Budget remaining, USD",
            [(f'min by (scope, id) (gateway_limits_budget_remaining_usd{{{INST}}})', "{{scope}} {{id}}")],
            unit="currencyUSD",
            description="What is left of each configured budget in its day or month, in-flight reservations "
                        "included (the same for every replica: it is read from Redis).")
    b.panel("Budget burn: hours left at the current spend",
            [(f'min by (scope, id) (gateway_limits_budget_remaining_usd{{{INST}}}) '
              f'/ clamp_min(-min by (scope, id) (deriv(gateway_limits_budget_remaining_usd{{{INST}}}[1h])) * 3600, 1e-9)',
              "{{scope}} {{id}}")], unit="h",
            description="Remaining budget divided by its rate of fall over the last hour; very large when "
                        "nothing is being spent.")
    b.panel("Limits store: Redis up per replica",
            [(f'min by (instance) (gateway_limits_redis_up{{{INST}}})', "{{instance}}")],
            description="1 while the replica reaches Redis; 0 while it follows gateway.limits.when-redis-down "
                        "(open: its own counters at local-share of each limit; closed: 503 LIMITS_UNAVAILABLE).")
    return b


def main():
    check = "--check" in sys.argv[1:]
    OUT.mkdir(exist_ok=True)
    stale = []
    for board in (overview(), usage()):
        path = OUT / f"{board.uid}.json"
        text = json.dumps(board.json(), indent=2, ensure_ascii=False) + "\n"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("out of date (run python3 docker/grafana/dashboards.py): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
