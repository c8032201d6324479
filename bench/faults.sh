#!/usr/bin/env bash
# Fault injection against fm-gateway and a real, throwaway PostgreSQL (issue 12). Traffic goes to 127.0.0.1 only;
# every load run is bounded in requests and in time; everything started here (emulator, gateway, PostgreSQL, load)
# is stopped on exit, by pid. The gateway is the packaged jar in aws mode, pointed at the standalone emulator
# (bench/emulator.sh, started once per run and kept across scenarios). Prints one table row per scenario; docs/faults.md has the last measured table.
#
#   bench/faults.sh                      # every scenario
#   FAULTS_SCENARIOS="kill9 db_hang" bench/faults.sh
#
# A scenario is one function, scenario_<name>, that adds its row with `row`. Settings (environment):
#   FAULTS_SCENARIOS     scenarios to run, in order     "kill9 db_stop db_hang seg_bombs throttle"
#   FAULTS_CONCURRENCY   concurrent clients of the load                   32
#   FAULTS_BOMBS         concurrent segmentation bombs (seg_bombs)        256
#   FAULTS_THROTTLED     throttled calls (throttle)                       1000
#   FAULTS_LATENCY       the emulator's latency                           20ms
#   FAULTS_DB_STOP_S     seconds the database is stopped (db_stop)        60
#   FAULTS_DB_HANG_S     seconds the database is frozen (db_hang)         30
#   FAULTS_JAVA          java (>= 21)                newest JDK >= 21 under /usr/lib/jvm, else java
#   FAULTS_KEEP          1 = keep the work directory (logs, answered ids)  0
# Exit status: 0 when every row passed, 1 when one failed, 2 when the script itself failed.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

SCENARIOS=${FAULTS_SCENARIOS:-kill9 db_stop db_hang seg_bombs throttle}
CONCURRENCY=${FAULTS_CONCURRENCY:-32}
BOMBS=${FAULTS_BOMBS:-256}
THROTTLED=${FAULTS_THROTTLED:-1000}
LATENCY=${FAULTS_LATENCY:-20ms}
DB_STOP_S=${FAULTS_DB_STOP_S:-60}
DB_HANG_S=${FAULTS_DB_HANG_S:-30}
KEEP=${FAULTS_KEEP:-0}
JAR=target/fm-gateway-0.1.0-SNAPSHOT.jar

log() { printf '[faults %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: stop what we started, by pid; PostgreSQL through .ci/postgres.sh.
WORK=$(mktemp -d /tmp/fm-gateway-faults.XXXXXX)
PIDS=()
FROZEN=()
source "$ROOT/.ci/postgres.sh"
cleanup() {
    local pid
    for pid in "${FROZEN[@]}"; do kill -CONT "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    fmgw_stop_postgres
    if [ "$KEEP" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
forget() { local p=$1 i; for i in "${!PIDS[@]}"; do [ "${PIDS[$i]}" = "$p" ] && unset 'PIDS[i]'; done; }

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites: a JDK >= 21, the jar, python3, PostgreSQL, the emulator.
# shellcheck source=bench/java.sh
source bench/java.sh
JAVA=$(find_java "${FAULTS_JAVA:-}")
[ -n "$JAVA" ] || die "no JDK >= 21 under /usr/lib/jvm; set FAULTS_JAVA"
if [ ! -f "$JAR" ]; then
    log "building $JAR"
    ./mvnw -B -q package -DskipTests || die "build failed"
fi
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed"
fmgw_start_postgres >&2 || die "PostgreSQL did not start"
DB_URL=$FMGW_TEST_POSTGRES_URL
psql_q() { "${FMGW_PG_AS[@]}" "$FMGW_PG_BIN/psql" -h 127.0.0.1 -p "$FMGW_PG_PORT" -U postgres -d fmgateway -Atqc "$1"; }

mkdir -p "$WORK/classes"
"$(dirname "$JAVA")/javac" -d "$WORK/classes" "$ROOT/bench/FaultLoad.java" || die "bench/FaultLoad.java does not compile"
BODY=$WORK/body.json
printf '{"model":"titan-text-express","prompt":"hello","maxTokens":16}' > "$BODY"

# ---------------------------------------------------------------------------------------------------------------
# The database: stop and start it again as .ci/postgres.sh started it; freeze and thaw its processes.
db_stop() { "${FMGW_PG_AS[@]}" "$FMGW_PG_BIN/pg_ctl" -D "$FMGW_PG_DIR/data" -m fast -w stop >/dev/null; }
db_start() {
    "${FMGW_PG_AS[@]}" "$FMGW_PG_BIN/pg_ctl" -D "$FMGW_PG_DIR/data" -l "$FMGW_PG_DIR/server.log" -w -t 60 \
        -o "-p $FMGW_PG_PORT -k $FMGW_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
}
db_pids() { # the postmaster and its children
    local postmaster
    postmaster=$(head -1 "$FMGW_PG_DIR/data/postmaster.pid")
    echo "$postmaster"; ps -o pid= --ppid "$postmaster"
}
db_freeze() { FROZEN=($(db_pids)); kill -STOP "${FROZEN[@]}"; }
db_thaw() { kill -CONT "${FROZEN[@]}"; FROZEN=(); }

# ---------------------------------------------------------------------------------------------------------------
# The model behind the gateway: the standalone emulator (the packaged jar has none), started once and kept across
# scenarios; the gateway runs in aws mode pointed at it, with the emulator's static credentials and nothing read
# from profiles or instance metadata. the_model_env / the_model_args are what the gateway needs to reach it.
wait_for_port() { # wait_for_port LOGFILE PID REGEX: prints the first port the log shows (bounded: 120 s)
    local logf=$1 pid=$2 re=$3 port=""
    for _ in $(seq 1 1200); do
        port=$(sed -nE "s#$re#\1#p" "$logf" 2>/dev/null | head -1)
        [ -n "$port" ] && { echo "$port"; return 0; }
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

EMU_PID=""; EMU_URL=""
start_emulator() {
    local elog=$WORK/emulator.log eport
    JAVA="$JAVA" EMULATOR_JVM_OPTS="-XX:+UseSerialGC -Xmx512m -Dsun.net.httpserver.maxIdleConnections=1000" \
        bench/emulator.sh --host 127.0.0.1 --port 0 --latency "$LATENCY" > "$elog" 2>&1 &
    EMU_PID=$!
    PIDS+=("$EMU_PID")
    eport=$(wait_for_port "$elog" "$EMU_PID" '.*listening on http://127\.0\.0\.1:([0-9]+).*') \
        || { tail -20 "$elog" >&2; die "the emulator did not start (log: $elog)"; }
    EMU_URL=http://127.0.0.1:$eport
    log "emulator pid $EMU_PID on $EMU_URL (latency $LATENCY)"
}
the_model_env() {
    echo GATEWAY_MODE=aws AWS_ACCESS_KEY_ID=AKIAFMGATEWAYEMULATOR \
        AWS_SECRET_ACCESS_KEY=fmGatewayEmulatorSecretKey/DoNotUseInAws0000 AWS_REGION=us-east-1 \
        AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
}
the_model_args() {
    echo --gateway.aws.bedrock-endpoint="$EMU_URL" --gateway.aws.sagemaker-endpoint="$EMU_URL" \
        --gateway.regions.verify-at-startup=false --gateway.security.allow-anonymous=true
}
emulator_faults() { # emulator_faults METHOD [JSON]: the emulator's fault API; prints the HTTP status
    curl -s -m 5 -o "$WORK/faults-answer.json" -w '%{http_code}' -X "$1" "$EMU_URL/_emulator/faults" \
        ${2:+-H 'Content-Type: application/json' --data-binary "$2"}
}
start_emulator

# ---------------------------------------------------------------------------------------------------------------
# The gateway: API on a port of its own choosing, actuator (health with the ledger, Prometheus) on an explicit
# free management port (GW_MGMT); /livez and /readyz answer on the API port.
GW_PID=""; GW_URL=""; GW_MGMT=""
JOURNAL=$WORK/journal
start_gateway() { # start_gateway NAME
    local logf=$WORK/gateway-$1.log port="" mport
    mport=$(free_port) || die "no free port"
    # shellcheck disable=SC2046
    env $(the_model_env) "$JAVA" -XX:+UseSerialGC -Xmx512m -jar "$JAR" --server.port=0 \
        --management.server.port="$mport" --spring.datasource.url="$DB_URL" \
        --gateway.ledger.journal-directory="$JOURNAL" \
        $(the_model_args) > "$logf" 2>&1 &
    GW_PID=$!
    PIDS+=("$GW_PID")
    # Jetty logs one line per port: the API port is the one that is not the management port (bounded: 120 s).
    for _ in $(seq 1 1200); do
        port=$(sed -nE 's#.*Jetty started on port ([0-9]+).*#\1#p' "$logf" 2>/dev/null | grep -vx "$mport" | head -1)
        [ -n "$port" ] && break
        kill -0 "$GW_PID" 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$port" ] || { tail -30 "$logf" >&2; die "the gateway did not start (log: $logf)"; }
    GW_URL=http://127.0.0.1:$port
    GW_MGMT=http://127.0.0.1:$mport
    for _ in $(seq 1 300); do # bounded: 30 s
        curl -sf -m 2 "$GW_URL/readyz" >/dev/null && break
        kill -0 "$GW_PID" 2>/dev/null || { tail -30 "$logf" >&2; die "the gateway exited (log: $logf)"; }
        sleep 0.1
    done
    log "gateway pid $GW_PID on $GW_URL, management $GW_MGMT"
}
stop_gateway() { # SIGTERM, bounded wait, then SIGKILL
    [ -n "$GW_PID" ] || return
    kill "$GW_PID" 2>/dev/null
    for _ in $(seq 1 1200); do kill -0 "$GW_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$GW_PID" 2>/dev/null
    wait "$GW_PID" 2>/dev/null
    forget "$GW_PID"; GW_PID=""
}
kill9_gateway() { kill -9 "$GW_PID"; wait "$GW_PID" 2>/dev/null; forget "$GW_PID"; GW_PID=""; }

ledger_backlog() { # the ledger's backlog from its health component (empty when the gateway does not answer)
    curl -s -m 5 "$GW_MGMT/actuator/health/ledger" | sed -nE 's/.*"backlog":([0-9]+).*/\1/p'
}
await_drained() { # await_drained SECONDS: prints the seconds it took for the backlog to reach 0, or "never"
    local start=$SECONDS b
    while [ $((SECONDS - start)) -lt "$1" ]; do
        b=$(ledger_backlog)
        [ "$b" = 0 ] && { echo $((SECONDS - start)); return 0; }
        sleep 1
    done
    echo never; return 1
}

# load PREFIX TOTAL SECONDS: bounded closed-loop load in the background; its summary lands in $WORK/PREFIX.out.
LOAD_PID=""
load() {
    "$JAVA" -cp "$WORK/classes" FaultLoad "$GW_URL/v1/text/generations" "$BODY" "$CONCURRENCY" "$2" "$3" "$1" \
        "$WORK/$1.answered" > "$WORK/$1.out" 2> "$WORK/$1.err" &
    LOAD_PID=$!
    PIDS+=("$LOAD_PID")
}
await_load() { # await_load PREFIX: waits for the load (not in a subshell: only this shell can wait for it)
    wait "$LOAD_PID"; forget "$LOAD_PID"; log "load $1: $(cat "$WORK/$1.out")"
}
served() { # requests the running gateway answered so far
    curl -s -m 5 "$GW_MGMT/actuator/prometheus" \
        | awk '/^gateway_requests_seconds_count/ { n += $2 } END { printf "%d", n }'
}
await_served() { # await_served N SECONDS: until the gateway answered N requests (bounded)
    local start=$SECONDS
    while [ $((SECONDS - start)) -lt "$2" ] && [ "$(served)" -lt "$1" ]; do sleep 0.5; done
}
field() { sed -nE "s/.*\\b$2=([0-9]+).*/\\1/p" "$WORK/$1.out"; }

# missing PREFIX: answered requests of that load without a ledger row (prints the count); extra: rows without a 2xx
rows_of() { psql_q "SELECT request_id FROM usage_record WHERE request_id LIKE '$1-%' ORDER BY 1" | sort; }
missing() { comm -23 <(sort "$WORK/$1.answered") <(rows_of "$1") | wc -l; }
extra() { comm -13 <(sort "$WORK/$1.answered") <(rows_of "$1") | wc -l; }

# ---------------------------------------------------------------------------------------------------------------
# The table
ROW_NAMES=(); ROW_RESULTS=(); ROW_OKS=()
FAILED=0
row() { # row SCENARIO RESULT PASS(0/1)
    ROW_NAMES+=("$1"); ROW_RESULTS+=("$2"); ROW_OKS+=("$( [ "$3" = 1 ] && echo pass || echo FAIL )")
    [ "$3" = 1 ] || FAILED=1
    log "row: $1 | $2 | ${ROW_OKS[-1]}"
}
print_table() { # a Markdown table, each column as wide as its longest cell
    local w1=8 w2=6 i
    for i in "${!ROW_NAMES[@]}"; do
        [ ${#ROW_NAMES[$i]} -gt $w1 ] && w1=${#ROW_NAMES[$i]}
        [ ${#ROW_RESULTS[$i]} -gt $w2 ] && w2=${#ROW_RESULTS[$i]}
    done
    printf "| %-${w1}s | %-${w2}s | %-4s |\n" scenario result ok
    printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 $((w1 + 2))))" "$(printf -- '-%.0s' $(seq 1 $((w2 + 2))))" "------"
    for i in "${!ROW_NAMES[@]}"; do
        printf "| %-${w1}s | %-${w2}s | %-4s |\n" "${ROW_NAMES[$i]}" "${ROW_RESULTS[$i]}" "${ROW_OKS[$i]}"
    done
}

# ---------------------------------------------------------------------------------------------------------------
# Scenarios

scenario_kill9() {
    log "kill -9 of the gateway under load"
    start_gateway kill9
    load kill9 200000 60
    await_served 1000 50
    kill9_gateway
    log "killed"
    await_load kill9
    start_gateway kill9-restart
    local drained; drained=$(await_drained 120)
    local ok miss ext
    ok=$(field kill9 ok); miss=$(missing kill9); ext=$(extra kill9)
    row "kill -9 of the gateway under load" \
        "$ok 2xx answers, $miss of them without a ledger row; $ext rows of answers cut by the kill; replay ${drained}s" \
        "$( [ "$miss" = 0 ] && [ "$ok" -gt 0 ] && echo 1 || echo 0 )"
    stop_gateway
}

scenario_db_stop() {
    log "the database stopped for ${DB_STOP_S}s under load"
    start_gateway db_stop
    load dbstop 10000000 $((DB_STOP_S + 30))
    sleep 10
    db_stop; log "database stopped"
    local peak=0 b start=$SECONDS
    while [ $((SECONDS - start)) -lt "$DB_STOP_S" ]; do
        b=$(ledger_backlog); [ -n "$b" ] && [ "$b" -gt "$peak" ] && peak=$b
        sleep 2
    done
    db_start; log "database started again"
    local drained; drained=$(await_drained 300) # while the load goes on
    await_load dbstop
    local ok bad err miss
    ok=$(field dbstop ok); bad=$(field dbstop non2xx); err=$(field dbstop errors); miss=$(missing dbstop)
    row "database stopped ${DB_STOP_S}s under load" \
        "$ok 2xx, $bad non-2xx, $err errors; backlog peak $peak; drained ${drained}s after restart; $miss lost" \
        "$( [ "$miss" = 0 ] && [ "$bad" = 0 ] && [ "$err" = 0 ] && [ "$drained" != never ] && echo 1 || echo 0 )"
    stop_gateway
}

scenario_db_hang() {
    log "the database frozen (SIGSTOP) for ${DB_HANG_S}s under load"
    start_gateway db_hang
    load hangwarm 10000000 15 # JIT warm-up, not reported
    await_load hangwarm
    load hangbase 10000000 15
    await_load hangbase
    load hang 10000000 "$DB_HANG_S"
    sleep 1
    db_freeze; log "database frozen"
    await_load hang
    db_thaw; log "database thawed"
    local drained; drained=$(await_drained 300)
    local ok bad err p99 max p99b miss
    ok=$(field hang ok); bad=$(field hang non2xx); err=$(field hang errors)
    p99=$(field hang p99_ms); max=$(field hang max_ms); p99b=$(field hangbase p99_ms); miss=$(missing hang)
    row "database hung (SIGSTOP) ${DB_HANG_S}s under load" \
        "$ok 2xx, $bad non-2xx, $err errors; p99 $p99 ms (before: $p99b ms), max $max ms; drained ${drained}s; $miss lost" \
        "$( [ "$bad" = 0 ] && [ "$err" = 0 ] && [ "$miss" = 0 ] && [ "$drained" != never ] && echo 1 || echo 0 )"
    stop_gateway
}

status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }
statuses() { sed -nE 's/.*statuses=([^ ]+).*/\1/p' "$WORK/$1.out"; }
count_5xx() { statuses "$1" | tr ',' '\n' | awk -F: '$1 >= 500 { n += $2 } END { printf "%d", n }'; }
only_statuses() { # only_statuses PREFIX CODE...: every answer had one of these statuses (and there was one)
    local s code rest; s=$(statuses "$1"); [ -n "$s" ] && [ "$s" != none ] || return 1
    rest=$(echo "$s" | tr ',' '\n' | cut -d: -f1)
    for code in "${@:2}"; do rest=$(echo "$rest" | grep -vx "$code"); done
    [ -z "$rest" ]
}

# The bomb: a flat-colour 4096x4096 PNG (1-bit palette, a few KB; 16.7 M pixels decoded), base64 in a segmentation
# request with multimask (the image and three masks: 4 x 16.7 M pixels, over gateway.segmentation.max-request-pixels).
make_bomb() { # make_bomb FILE: writes the request body, prints the PNG's size in bytes
    python3 - "$1" <<'PY'
import base64, json, struct, sys, zlib
side = 4096
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
rows = (b"\0" + bytes(side // 8)) * side  # filter 0, every pixel palette index 0
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 3, 0, 0, 0))
       + chunk(b"PLTE", bytes([230, 120, 30])) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(sys.argv[1], "w") as out:
    json.dump({"model": "sam-2-1", "image": base64.b64encode(png).decode(), "multimask": True,
               "points": [{"x": 10, "y": 10, "label": 1}]}, out)
print(len(png))
PY
}

scenario_seg_bombs() {
    log "$BOMBS parallel segmentation bombs during a text load"
    local bomb=$WORK/bomb.json png_bytes
    png_bytes=$(make_bomb "$bomb") || die "could not make the bomb"
    start_gateway seg_bombs
    load bombwarm 10000000 10 # JIT warm-up, not reported
    await_load bombwarm
    local rss_before; rss_before=$(status_kb "$GW_PID" VmHWM)
    load bombtext 10000000 15
    sleep 3
    "$JAVA" -cp "$WORK/classes" FaultLoad "$GW_URL/v1/images/segmentations" "$bomb" "$BOMBS" "$BOMBS" 60 bomb \
        "$WORK/bomb.answered" > "$WORK/bomb.out" 2> "$WORK/bomb.err" &
    local bomb_pid=$!
    PIDS+=("$bomb_pid")
    wait "$bomb_pid"; forget "$bomb_pid"; log "bombs: $(cat "$WORK/bomb.out")"
    await_load bombtext
    local alive=no ready rss_peak
    kill -0 "$GW_PID" 2>/dev/null && alive=yes
    ready=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$GW_URL/readyz")
    rss_peak=$(status_kb "$GW_PID" VmHWM)
    local berr b5 tok tbad terr tp99
    berr=$(field bomb errors); b5=$(count_5xx bomb)
    tok=$(field bombtext ok); tbad=$(field bombtext non2xx); terr=$(field bombtext errors); tp99=$(field bombtext p99_ms)
    row "$BOMBS parallel segmentation bombs (4096x4096 PNG)" \
        "$BOMBS bombs (PNG $png_bytes B) -> $(statuses bomb), $berr errors; text meanwhile $tok 2xx, $tbad non-2xx, $terr errors, p99 $tp99 ms; alive $alive, /readyz $ready; peak RSS $((rss_peak / 1024)) MB (before $((rss_before / 1024)) MB)" \
        "$( only_statuses bomb 413 429 && [ "$b5" = 0 ] && [ "$berr" = 0 ] && [ "$tbad" = 0 ] && [ "$terr" = 0 ] \
            && [ "$tok" -gt 0 ] && [ "$alive" = yes ] && [ "$ready" = 200 ] && echo 1 || echo 0 )"
    stop_gateway
}

circuit_states() { # circuit_states STATE: deployments whose circuit is in that state now, as "name name ..."
    curl -s -m 5 "$GW_MGMT/actuator/prometheus" | awk -v s="$1" '
        /^resilience4j_circuitbreaker_state\{/ && index($0, "state=\"" s "\"") && $NF + 0 > 0 {
            match($0, /name="[^"]*"/); printf "%s ", substr($0, RSTART + 6, RLENGTH - 7) }'
}
circuit_count() { # circuit_count: circuits the gateway reports (any state)
    curl -s -m 5 "$GW_MGMT/actuator/prometheus" \
        | awk '/^resilience4j_circuitbreaker_state\{/ && index($0, "state=\"closed\"") { n++ } END { printf "%d", n }'
}
not_permitted() { # calls refused by an open circuit so far
    curl -s -m 5 "$GW_MGMT/actuator/prometheus" \
        | awk '/^resilience4j_circuitbreaker_not_permitted_calls_total/ { n += $NF } END { printf "%d", n }'
}

scenario_throttle() {
    local model=titan-text-express upstream=amazon.titan-text-express-v1
    log "$THROTTLED calls to $model while the emulator throttles $upstream"
    start_gateway throttle
    local code
    code=$(emulator_faults POST "{\"kind\":\"throttle\",\"target\":\"$upstream\"}")
    [ "$code" = 201 ] || die "the emulator refused the fault rule ($code): $(cat "$WORK/faults-answer.json")"
    load throttle "$THROTTLED" 180
    local opened="" states start=$SECONDS # sample the circuits while the load runs (bounded by the load's 180 s)
    while kill -0 "$LOAD_PID" 2>/dev/null && [ $((SECONDS - start)) -lt 200 ]; do
        states=$(circuit_states open)$(circuit_states half_open); [ -n "$states" ] && opened+="$states"
        sleep 1
    done
    await_load throttle
    code=$(emulator_faults DELETE)
    [ "$code" = 204 ] || die "the emulator did not clear its faults ($code)"
    local open_now circuits refused probe probe_ms
    open_now=$(circuit_states open); circuits=$(circuit_count); refused=$(not_permitted)
    read -r probe probe_ms < <(curl -s -m 30 -o /dev/null -w '%{http_code} %{time_total}\n' \
        "$GW_URL/v1/text/generations" -H 'Content-Type: application/json' --data-binary @"$BODY")
    probe_ms=$(awk -v t="$probe_ms" 'BEGIN { printf "%d", t * 1000 }')
    local ok bad err opened_list
    ok=$(field throttle ok); bad=$(field throttle non2xx); err=$(field throttle errors)
    opened_list=$(echo "$opened $open_now" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')
    row "$THROTTLED throttled calls: no circuit opens" \
        "$THROTTLED calls -> $(statuses throttle), $err errors; circuits open after: ${open_now:-none} (of $circuits), during: ${opened_list:-none}; refused by a circuit $refused; next call $probe in $probe_ms ms" \
        "$( [ -z "$opened_list" ] && [ "$refused" = 0 ] && [ "$err" = 0 ] && [ $((ok + bad)) = "$THROTTLED" ] \
            && [ "$probe" = 200 ] && [ "$probe_ms" -lt 2000 ] && echo 1 || echo 0 )"
    stop_gateway
}

# ---------------------------------------------------------------------------------------------------------------
log "work directory $WORK"
for scenario in $SCENARIOS; do
    declare -F "scenario_$scenario" >/dev/null || die "unknown scenario $scenario"
    "scenario_$scenario"
done

echo
echo "== fm-gateway fault injection"
echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine:     $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(df -h "$WORK" | awk 'NR==2 { print $1 }') for the journal"
echo "java:        $("$JAVA" -version 2>&1 | head -1); PostgreSQL $("$FMGW_PG_BIN/postgres" --version | awk '{print $3}') (fsync=off)"
echo "gateway:     $JAR, aws mode, pointed at bench/emulator.sh (latency $LATENCY); -XX:+UseSerialGC -Xmx512m"
echo "load:        $CONCURRENCY clients, closed loop, POST /v1/text/generations (titan-text-express, maxTokens 16)"
echo "runtime:     $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo
print_table
exit $FAILED
