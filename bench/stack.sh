#!/usr/bin/env bash
# The fm-gateway stack, natively on one machine (no Docker): two gateway replicas from the packaged jar behind
# nginx (docker/nginx/nginx.conf), the Bedrock/SageMaker emulator as its own process, PostgreSQL for the usage
# ledger, Redis, and Prometheus scraping both gateways' management ports with docker/prometheus/rules.yml.
# It sends a bounded amount of traffic (127.0.0.1 only), injects throttling in the emulator so failover,
# throttling and an open circuit show up, then checks through Prometheus' query API that both replicas' series
# are there and runs every Grafana panel query (docker/grafana/dashboards/*.json), printing query -> series.
# Fails when a query that should have data has none; panels whose description starts with "Pending:" chart
# metrics the gateway does not export yet and are reported as pending. Everything started is stopped on exit.
#
#   bench/stack.sh                 # about 2 minutes once the jar is built; builds it when it is missing
#   STACK_BUILD=1 bench/stack.sh   # rebuild the jar first (./mvnw -B -q package -DskipTests)
#
# Settings (environment):
#   STACK_ROUNDS      rounds of traffic per phase (each round: 7 calls through nginx, + 4 with faults    15
#                     in phase 2, which runs at least 12 rounds so that a circuit opens)
#   STACK_JAVA        java (>= 21) for the gateways           newest JDK >= 21 under /usr/lib/jvm, else java
#   STACK_KEEP        1 = keep the work directory (logs, generated configs)                               0
#   STACK_PORT_BASE   first of the loopback ports used (base .. base+9)                                    18400
# Installs what is missing with apt-get: redis-server, prometheus, postgresql, nginx-light, jq, curl.
# Exit status: 0 all checks passed, 1 a check failed, 2 the stack could not be started.

set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

ROUNDS=${STACK_ROUNDS:-15}
KEEP=${STACK_KEEP:-0}
BASE=${STACK_PORT_BASE:-18400}
JAR=target/fm-gateway-0.1.0-SNAPSHOT.jar
EMU_PORT=$BASE
GW1_PORT=$((BASE + 1)); GW1_MGMT=$((BASE + 2))
GW2_PORT=$((BASE + 3)); GW2_MGMT=$((BASE + 4))
LB_PORT=$((BASE + 5)); REDIS_PORT=$((BASE + 6)); PROM_PORT=$((BASE + 7))
SCRAPE=2s
STARTED=$(date +%s)

log() { printf '[stack %s +%ss] %s\n' "$(date +%H:%M:%S)" "$(( $(date +%s) - STARTED ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: stop what this script started, by pid (bounded wait, then SIGKILL), and the throwaway PostgreSQL.
WORK=$(mktemp -d /tmp/fmgw-stack.XXXXXX)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    declare -F fmgw_stop_postgres >/dev/null && fmgw_stop_postgres
    if [ "$KEEP" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
    log "stopped everything; total time $(( $(date +%s) - STARTED )) s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_until SECONDS DESCRIPTION COMMAND...: polls every 0.5 s, bounded.
wait_until() {
    local limit=$1 what=$2; shift 2
    for _ in $(seq 1 $((limit * 2))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    die "$what did not come up within $limit s"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites
# shellcheck source=bench/java.sh
source bench/java.sh
JAVA=$(find_java "${STACK_JAVA:-}")
[ -n "$JAVA" ] || die "no JDK >= 21 under /usr/lib/jvm; set STACK_JAVA"

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v prometheus >/dev/null || need+=(prometheus)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} (apt-get)"
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"; } \
        > "$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; die "apt-get install failed"; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for p in $(seq "$BASE" $((BASE + 9))); do port_free "$p" || die "port $p is in use; set STACK_PORT_BASE"; done

if [ "${STACK_BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
    log "building $JAR (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests > "$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
fi

# JVM flags: config/jvm.options as docker/entrypoint.sh reads it (comments stripped). A flag this JDK does not
# know (e.g. -XX:+UseCompactObjectHeaders before JDK 24) is dropped with a warning instead of failing.
jvm_flags() {
    local all f ok=()
    all=$(sed -e 's/[[:space:]]#.*$//' -e 's/^#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' config/jvm.options)
    # shellcheck disable=SC2086
    if "$JAVA" $all -version >/dev/null 2>&1; then echo $all; return; fi
    for f in $all; do
        if "$JAVA" "$f" -version >/dev/null 2>&1; then ok+=("$f"); else log "warning: $JAVA does not take $f; left out"; fi
    done
    echo "${ok[@]}"
}
JVM_FLAGS=$(jvm_flags)
# shellcheck disable=SC2086
START_ARGS=$(aot_start_args "$JAVA" "$JAR" $JVM_FLAGS)

# ---------------------------------------------------------------------------------------------------------------
# The launch lines of the emulator and the gateways, kept together so they are easy to adapt when the emulator
# moves out of the gateway's jar. The gateways run in aws mode (as in production) against the emulator.
EMULATOR_KEY=AKIAFMGATEWAYEMULATOR
EMULATOR_SECRET=fmGatewayEmulatorSecretKey/DoNotUseInAws0000
start_emulator() { # start_emulator PORT LOG
    JAVA="$JAVA" EMULATOR_JVM_OPTS="-XX:+UseSerialGC -Xmx256m" bench/emulator.sh --host 127.0.0.1 --port "$1" --latency 20ms \
        --sagemaker-endpoint jumpstart-dft-hf-llm-falcon-7b-instruct-bf16=tgi \
        > "$2" 2>&1 &
    PIDS+=("$!")
}
start_gateway() { # start_gateway HTTP_PORT MANAGEMENT_PORT LOG (each replica keeps its own ledger journal)
    # shellcheck disable=SC2086
    env GATEWAY_MODE=aws MALLOC_ARENA_MAX=2 \
        AWS_ACCESS_KEY_ID=$EMULATOR_KEY AWS_SECRET_ACCESS_KEY=$EMULATOR_SECRET AWS_REGION=us-east-1 \
        AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
        SPRING_DATASOURCE_URL="$PG_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
        GATEWAY_LIMITS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" GATEWAY_LIMITS_LOCAL_SHARE=0.5 \
        "$JAVA" $JVM_FLAGS $START_ARGS \
        --server.address=127.0.0.1 --server.port="$1" \
        --management.server.port="$2" --management.server.address=127.0.0.1 \
        --gateway.aws.bedrock-endpoint="http://127.0.0.1:$EMU_PORT" \
        --gateway.aws.sagemaker-endpoint="http://127.0.0.1:$EMU_PORT" \
        --gateway.regions.verify-at-startup=false --gateway.security.allow-anonymous=true \
        --gateway.limits.file="$WORK/limits.yaml" --gateway.ledger.journal-directory="$WORK/journal-$1" \
        > "$3" 2>&1 &
    PIDS+=("$!")
}

# ---------------------------------------------------------------------------------------------------------------
log "work directory $WORK; java $JAVA ($(java_major "$JAVA")); JVM flags: $JVM_FLAGS"

# PostgreSQL (throwaway, as .ci/run does) and Redis
# shellcheck source=../.ci/postgres.sh
source .ci/postgres.sh
fmgw_start_postgres >&2 || die "PostgreSQL did not start"
PG_URL=${FMGW_TEST_POSTGRES_URL%%\?*}
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    > "$WORK/redis.log" 2>&1 &
PIDS+=("$!")
wait_until 20 "redis-server" redis-cli -p "$REDIS_PORT" ping
log "PostgreSQL at $PG_URL, Redis $(redis-server --version | grep -o 'v=[0-9.]*') on 127.0.0.1:$REDIS_PORT"

# Limits shared by both replicas through Redis: titan-text-lite is only called in the limits phase, so its tight
# limit and budget produce refusals and budget burn without touching the other phases.
cat > "$WORK/limits.yaml" <<EOF
models:
  titan-text-lite:
    requests-per-minute: 6
    budget: { usd: 1.00, per: day }
EOF

start_emulator "$EMU_PORT" "$WORK/emulator.log"
wait_until 300 "the emulator (its first start builds its classpath)" curl -sf "http://127.0.0.1:$EMU_PORT/_emulator/health"
start_gateway "$GW1_PORT" "$GW1_MGMT" "$WORK/gateway-1.log"
start_gateway "$GW2_PORT" "$GW2_MGMT" "$WORK/gateway-2.log"
health_up() { curl -sf "http://127.0.0.1:$1/actuator/health/readiness" | grep -q '"UP"'; }
wait_until 150 "gateway-1 (log: $WORK/gateway-1.log)" health_up "$GW1_MGMT"
wait_until 150 "gateway-2 (log: $WORK/gateway-2.log)" health_up "$GW2_MGMT"
log "gateways ready: 127.0.0.1:$GW1_PORT (management $GW1_MGMT), 127.0.0.1:$GW2_PORT (management $GW2_MGMT)"

# nginx with docker/nginx/nginx.conf, the replicas' names replaced by their loopback ports.
sed -E -e "s/gateway-1:8080/127.0.0.1:$GW1_PORT/; s/gateway-2:8080/127.0.0.1:$GW2_PORT/" \
    -e "s/listen 8080;/listen 127.0.0.1:$LB_PORT;/; s/resolver [^;]*;//; s/worker_processes auto;/worker_processes 1;/" \
    docker/nginx/nginx.conf > "$WORK/nginx.conf"
mkdir -p "$WORK/nginx"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK/nginx" -g "daemon off; pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;" \
    > "$WORK/nginx.log" 2>&1 &
PIDS+=("$!")
wait_until 20 "nginx" curl -sf "http://127.0.0.1:$LB_PORT/v1/models"

# Prometheus: the compose scrape job, pointed at the two management ports, with the stack's alert rules.
cat > "$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: $SCRAPE
  evaluation_interval: $SCRAPE
rule_files:
  - $ROOT/docker/prometheus/rules.yml
scrape_configs:
  - job_name: fm-gateway
    metrics_path: /actuator/prometheus
    static_configs:
      - targets: ["127.0.0.1:$GW1_MGMT", "127.0.0.1:$GW2_MGMT"]
        labels:
          service: fm-gateway
EOF
promtool check config "$WORK/prometheus.yml" > "$WORK/promtool.log" 2>&1 || { cat "$WORK/promtool.log" >&2; die "promtool rejected the config"; }
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prometheus-data" \
    --web.listen-address="127.0.0.1:$PROM_PORT" --storage.tsdb.retention.time=1h \
    > "$WORK/prometheus.log" 2>&1 &
PIDS+=("$!")
PROM=http://127.0.0.1:$PROM_PORT
wait_until 60 "prometheus" curl -sf "$PROM/-/ready"
log "prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') on $PROM, scraping every $SCRAPE"

# ---------------------------------------------------------------------------------------------------------------
# Traffic: bounded rounds, 127.0.0.1 only, every call with a time limit.
declare -A STATUS=()
TOTAL=0
call() { # call URL BODY: one POST, counted by status
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$1" -H 'Content-Type: application/json' -d "$2")
    STATUS[$code]=$(( ${STATUS[$code]:-0} + 1 )); TOTAL=$((TOTAL + 1))
}
LB=http://127.0.0.1:$LB_PORT
normal_round() { # 7 calls through nginx: every operation, both backends
    call "$LB/v1/text/generations" '{"model":"titan-text-express","prompt":"hello","maxTokens":16}'
    call "$LB/v1/text/generations" '{"model":"claude-haiku-4-5","prompt":"hello","maxTokens":16}'
    call "$LB/v1/text/generations" '{"model":"claude-sonnet-4-5","prompt":"hello","maxTokens":16,"stream":true}'
    call "$LB/v1/text/generations" '{"model":"falcon-7b-instruct","prompt":"hello","maxTokens":16}'
    call "$LB/v1/embeddings" '{"model":"titan-embed-text-v2","input":["red apples","green pears"]}'
    call "$LB/v1/images/generations" '{"model":"titan-image-v1","prompt":"a lighthouse","width":512,"height":512}'
    call "$LB/v1/text/generations" '{"model":"no-such-model","prompt":"hello"}'
}
fault_round() { # 4 calls straight to each replica, into the injected faults
    local port
    for port in "$GW1_PORT" "$GW2_PORT"; do
        # throttled every 2nd call in us-east-1: recovered by failover to us-west-2
        call "http://127.0.0.1:$port/v1/text/generations" '{"model":"titan-text-express","prompt":"failover","maxTokens":8}'
        # only in us-east-1 and always failing (500): 502, then the deployment's circuit opens (503); throttling
        # alone never opens a circuit
        call "http://127.0.0.1:$port/v1/text/generations" '{"model":"titan-text-premier","prompt":"failing","maxTokens":8}'
    done
}
fault() { curl -sf -X POST "http://127.0.0.1:$EMU_PORT/_emulator/faults" -d "$1" >/dev/null || die "could not add fault $1"; }

log "traffic phase 1: $ROUNDS rounds of 7 calls through nginx"
for _ in $(seq 1 "$ROUNDS"); do normal_round; done
sleep 3
fault '{"kind":"throttle","region":"us-east-1","target":"amazon.titan-text-express-v1","every":2}'
fault '{"kind":"internal_error","region":"us-east-1","target":"amazon.titan-text-premier-v1:0","every":1}'
# At least 12 fault rounds: titan-text-premier's circuit opens after 10 failed attempts (minimum-calls) per replica,
# and a failed call is one attempt (a 5xx of a call that may have reached the model is not retried).
FAULT_ROUNDS=$(( ROUNDS > 12 ? ROUNDS : 12 ))
log "traffic phase 2: $FAULT_ROUNDS rounds of 7 calls through nginx + 4 into throttling faults (emulator)"
for _ in $(seq 1 "$FAULT_ROUNDS"); do normal_round; fault_round; done
curl -sf -X DELETE "http://127.0.0.1:$EMU_PORT/_emulator/faults" >/dev/null
# 6 requests per minute on titan-text-lite, counted across both replicas in Redis: 6 of these 12 are answered,
# the rest refused with 429 RATE_LIMITED.
log "traffic phase 3: 12 calls to titan-text-lite through nginx (limit 6 per minute across both replicas)"
# The limit counts per clock minute: start well inside one, so the 12 calls (about a second) share it.
sec=$((10#$(date +%S))); [ "$sec" -lt 50 ] || sleep $((62 - sec))
lite_before=${STATUS[429]:-0}
for _ in $(seq 1 12); do
    call "$LB/v1/text/generations" '{"model":"titan-text-lite","prompt":"hello","maxTokens":16}'
done
LIMIT_REFUSED=$(( ${STATUS[429]:-0} - lite_before ))
log "titan-text-lite: $LIMIT_REFUSED of 12 calls refused by the shared limit"
summary=""; for c in $(printf '%s\n' "${!STATUS[@]}" | sort); do summary+="$c: ${STATUS[$c]}  "; done
log "sent $TOTAL calls; by status: $summary"
# Let Prometheus take a few more scrapes so every rate() has two samples of the last values.
sleep 6

# ---------------------------------------------------------------------------------------------------------------
# Checks
status=0
q() { curl -sf --max-time 10 -G "$PROM/api/v1/query" --data-urlencode "query=$1"; }

echo
echo "== Prometheus query API: both replicas' series"
for query in 'up{job="fm-gateway"}' 'sum by (instance) (gateway_requests_seconds_count)' \
             'sum by (instance) (gateway_tokens_total)' 'count by (instance) (resilience4j_circuitbreaker_state)'; do
    out=$(q "$query") || { echo "   query failed: $query"; status=1; continue; }
    n=$(jq '.data.result | length' <<< "$out")
    printf '   %s\n' "GET /api/v1/query?query=$query"
    jq -r '.data.result[] | "     \(.metric.instance)  \(.value[1])"' <<< "$out"
    [ "$n" = 2 ] || { echo "   -> expected 2 replicas, got $n"; status=1; }
done
# nginx spread the calls: each replica served part of the traffic that went through the load balancer.
per_replica=$(q 'sum by (instance) (increase(gateway_requests_seconds_count{model="claude-haiku-4-5"}[10m]))' \
    | jq -r '[.data.result[].value[1] | tonumber | floor] | map(tostring) | join(" / ")')
echo "   claude-haiku-4-5 calls (only sent through nginx) per replica: $per_replica"

echo "   titan-text-lite (limit 6 per minute in total): $((12 - LIMIT_REFUSED)) of 12 answered, $LIMIT_REFUSED refused"
[ "$LIMIT_REFUSED" = 6 ] || { echo "   -> expected 6 refusals across the two replicas, got $LIMIT_REFUSED"; status=1; }

echo
echo "== Alert rules loaded by Prometheus (docker/prometheus/rules.yml)"
rules=$(curl -sf "$PROM/api/v1/rules") || { echo "   /api/v1/rules failed"; status=1; }
jq -r '.data.groups[].rules[] | "   \(.name)  health=\(.health)  state=\(.state)"' <<< "$rules"
bad_rules=$(jq '[.data.groups[].rules[] | select(.health != "ok")] | length' <<< "$rules")
[ "$bad_rules" = 0 ] || { echo "   -> $bad_rules rules are not healthy"; status=1; }

echo
echo "== Every dashboard panel query against this Prometheus"
python3 - "$PROM" docker/grafana/dashboards/*.json <<'PY' || status=1
import json, sys, urllib.parse, urllib.request
prom, files = sys.argv[1], sys.argv[2:]
subs = {"$__rate_interval": "1m", "$__range": "10m", "$instance": ".*"}
rows, failed = [], 0
for f in files:
    board = json.load(open(f, encoding="utf-8"))
    for p in board["panels"]:
        if p["type"] == "row":
            continue
        pending = p.get("description", "").startswith("Pending:")
        if not p.get("targets"):
            rows.append((board["uid"].replace("fm-gateway-", ""), p["title"], "(text panel: no metric exists yet)", "-", "no query"))
            continue
        for t in p["targets"]:
            expr = t["expr"]
            for k, v in subs.items():
                expr = expr.replace(k, v)
            url = prom + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
            try:
                with urllib.request.urlopen(url, timeout=10) as r:
                    n = len(json.load(r)["data"]["result"])
                    err = None
            except Exception as e:  # a PromQL error is a failure too
                n, err = 0, str(e)
            if pending:
                state = "pending"
            elif err:
                state, failed = "FAIL: " + err, failed + 1
            elif n == 0:
                state, failed = "FAIL: no data", failed + 1
            else:
                state = "ok"
            rows.append((board["uid"].replace("fm-gateway-", ""), p["title"], t["expr"], str(n), state))
w = [max(len(r[i]) for r in rows) for i in (0, 1)]
print(f"   {'dashboard':<{w[0]}}  {'panel':<{w[1]}}  {'series':>6}  result  |  query")
for d, title, expr, n, state in rows:
    print(f"   {d:<{w[0]}}  {title:<{w[1]}}  {n:>6}  {state}  |  {expr}")
ok = sum(1 for r in rows if r[4] == "ok")
pend = sum(1 for r in rows if r[4].startswith("pending"))
print(f"\n   {len(rows)} queries: {ok} with data, {pend} pending (metrics not exported yet), {failed} failed")
sys.exit(1 if failed else 0)
PY

echo
elapsed=$(( $(date +%s) - STARTED ))
if [ "$status" = 0 ]; then
    echo "stack: 1 passed, 0 failed (all checks; $TOTAL calls; ${elapsed} s so far)"
else
    echo "stack: 0 passed, 1 failed (see above; logs in $WORK, kept with STACK_KEEP=1)"
fi
exit "$status"
