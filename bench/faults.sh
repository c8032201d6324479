#!/usr/bin/env bash
# Fault injection against fm-gateway and a real, throwaway PostgreSQL (issue 12). Traffic goes to 127.0.0.1 only;
# every load run is bounded in requests and in time; everything started here (gateway, PostgreSQL, load) is
# stopped on exit, by pid. Prints one table row per scenario; docs/faults.md has the last measured table.
#
#   bench/faults.sh                      # every scenario
#   FAULTS_SCENARIOS="kill9 db_hang" bench/faults.sh
#
# A scenario is one function, scenario_<name>, that adds its row with `row`. Settings (environment):
#   FAULTS_SCENARIOS     scenarios to run, in order                       "kill9 db_stop db_hang"
#   FAULTS_CONCURRENCY   concurrent clients of the load                   32
#   FAULTS_LATENCY       the emulator's latency                           20ms
#   FAULTS_DB_STOP_S     seconds the database is stopped (db_stop)        60
#   FAULTS_DB_HANG_S     seconds the database is frozen (db_hang)         30
#   FAULTS_JAVA          java (>= 21)                newest JDK >= 21 under /usr/lib/jvm, else java
#   FAULTS_KEEP          1 = keep the work directory (logs, answered ids)  0
# Exit status: 0 when every row passed, 1 when one failed, 2 when the script itself failed.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

SCENARIOS=${FAULTS_SCENARIOS:-kill9 db_stop db_hang}
CONCURRENCY=${FAULTS_CONCURRENCY:-32}
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
# Prerequisites: a JDK >= 21, the jar, PostgreSQL.
java_major() { "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
find_java() {
    if [ -n "${FAULTS_JAVA:-}" ]; then echo "$FAULTS_JAVA"; return; fi
    local best="" best_v=0 j v
    for j in /usr/lib/jvm/*/bin/java; do
        [ -x "$j" ] || continue
        v=$(java_major "$j"); [ -n "$v" ] || continue
        if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$j; best_v=$v; fi
    done
    if [ -z "$best" ] && command -v java >/dev/null && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then best=java; fi
    echo "$best"
}
JAVA=$(find_java)
[ -n "$JAVA" ] || die "no JDK >= 21 under /usr/lib/jvm; set FAULTS_JAVA"
if [ ! -f "$JAR" ]; then
    log "building $JAR"
    ./mvnw -B -q package -DskipTests || die "build failed"
fi
command -v curl >/dev/null || die "curl is needed"
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
# The gateway and the model behind it. Today the emulator is inside the gateway (emulator mode): the_model_args
# prints the gateway arguments that point it at the emulator. When the emulator moves out of the jar, start it
# here (and stop it in stop_gateway) and print the aws-mode endpoint arguments instead.
the_model_args() { echo "--gateway.emulator.latency=$LATENCY"; }

GW_PID=""; GW_URL=""
JOURNAL=$WORK/journal
start_gateway() { # start_gateway NAME
    local logf=$WORK/gateway-$1.log port=""
    # shellcheck disable=SC2046
    "$JAVA" -XX:+UseSerialGC -Xmx512m -jar "$JAR" --server.port=0 --spring.datasource.url="$DB_URL" \
        --gateway.ledger.journal-directory="$JOURNAL" --gateway.resilience.max-concurrent-per-deployment=1000 \
        $(the_model_args) > "$logf" 2>&1 &
    GW_PID=$!
    PIDS+=("$GW_PID")
    for _ in $(seq 1 1200); do
        port=$(sed -nE 's#.*Jetty started on port ([0-9]+).*#\1#p' "$logf" 2>/dev/null | head -1)
        [ -n "$port" ] && break
        kill -0 "$GW_PID" 2>/dev/null || { tail -30 "$logf" >&2; die "the gateway exited (log: $logf)"; }
        sleep 0.1
    done
    [ -n "$port" ] || die "the gateway did not start (log: $logf)"
    GW_URL=http://127.0.0.1:$port
    log "gateway pid $GW_PID on $GW_URL"
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
    curl -s -m 5 "$GW_URL/actuator/health/ledger" | sed -nE 's/.*"backlog":([0-9]+).*/\1/p'
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
    curl -s -m 5 "$GW_URL/actuator/prometheus" \
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
ROWS=()
FAILED=0
row() { # row SCENARIO RESULT PASS(0/1)
    ROWS+=("$(printf '| %-44s | %-92s | %-4s |' "$1" "$2" "$( [ "$3" = 1 ] && echo pass || echo FAIL )")")
    [ "$3" = 1 ] || FAILED=1
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
echo "load:        $CONCURRENCY clients, closed loop, POST /v1/text/generations, emulator latency $LATENCY"
echo
printf '| %-44s | %-92s | %-4s |\n' scenario result ok
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' $(seq 1 46))" "$(printf -- '-%.0s' $(seq 1 94))" "------"
printf '%s\n' "${ROWS[@]}"
exit $FAILED
