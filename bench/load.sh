#!/usr/bin/env bash
# Load benchmark of fm-gateway (issues 6 and 15), side by side with nginx as a plain reverse proxy in front of the
# same emulator. Traffic goes to 127.0.0.1 only; every run is bounded in requests and in time; everything started
# here is stopped on exit.
#
#   bench/load.sh               # calibrate wrk; gateway and nginx at 200 ms and 1,000 clients (checked), at 0 ms
#                               # (reported), at 0 ms and 50 clients (CPU per request); a flood against a
#                               # throttling upstream
#   LOAD_QUICK=1 bench/load.sh  # the same phases in a few seconds each, at low concurrency: proves the script works
#
# The gateway is the packaged jar in aws mode with the JVM flags of config/jvm.options, in front of the standalone
# emulator (bench/emulator.sh). nginx (Debian's nginx-light) proxies the same calls to the same emulator: it adds a
# SigV4 signature made once per phase by this script (the emulator accepts it for 15 minutes) and sends the body
# the gateway would send. See docs/benchmark.md for what is measured. Settings (environment):
#   BENCH_CONNECTIONS       concurrent clients of the checked phases (wrk connections)          1000
#   BENCH_SMALL_CONNECTIONS concurrent clients of the CPU-per-request phase (c50-0ms)           50
#   BENCH_REQUESTS          requests per measured run                                           20000
#   BENCH_WARMUP            requests sent before each measured run (same shape)                 100000
#   BENCH_LATENCY           the emulator's latency for the checked run                          200ms
#   BENCH_PHASES            any of: calibrate split-200ms split-0ms c50-0ms flood
#                                                       "calibrate split-200ms split-0ms c50-0ms flood"
#   BENCH_NGINX             1 = measure nginx after the gateway in each split/c50 phase          1
#   BENCH_FLOOD_CONNECTIONS clients of the flood                                                1000
#   BENCH_FLOOD_REQUESTS    requests of the flood, and of the healthy run after it              10000
#   BENCH_MODEL             catalog model to call (its upstream: BENCH_UPSTREAM_ID)             titan-text-express
#   BENCH_UPSTREAM_ID       the model's Bedrock id, for nginx and the flood's fault   amazon.titan-text-express-v1
#   BENCH_JAVA              java (>= 21) for the gateway     newest JDK >= 21 under /usr/lib/jvm, else java
#   BENCH_JVM_OPTS          the gateway's JVM flags          config/jvm.options (flags this JDK lacks left out)
#   BENCH_GATEWAY_ARGS      extra Spring Boot arguments for the gateway, e.g. --gateway.aws.max-connections=2000
#   BENCH_AOT               1 = start the extracted jar with an AOT cache (docker/aot-cache.sh), as the image does  1
#   BENCH_WRK_THREADS       wrk threads                                                         number of CPUs
#   BENCH_RUN_TIMEOUT       seconds one wrk run may take at most                                180
#   BENCH_RSS_LIMIT_MB      the gateway's resident memory target, in MB (10^6 bytes)           300
#   BENCH_KEEP              1 = keep the work directory (logs, wrk output)                      0
#   LOAD_QUICK              1 = quick mode: 64 clients (8 for c50-0ms), 2,000 requests, 1,000 warm-up, 500 flood
# Exit status: 0 when the checked run met every target, 1 when it missed one, 2 when the benchmark itself failed.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2

QUICK=${LOAD_QUICK:-0}
if [ "$QUICK" = 1 ]; then
    CONNECTIONS=${BENCH_CONNECTIONS:-64}; SMALL_CONNECTIONS=${BENCH_SMALL_CONNECTIONS:-8}
    REQUESTS=${BENCH_REQUESTS:-2000}; WARMUP=${BENCH_WARMUP:-1000}
    FLOOD_CONNECTIONS=${BENCH_FLOOD_CONNECTIONS:-64}; FLOOD_REQUESTS=${BENCH_FLOOD_REQUESTS:-500}
    RUN_TIMEOUT=${BENCH_RUN_TIMEOUT:-60}
else
    CONNECTIONS=${BENCH_CONNECTIONS:-1000}; SMALL_CONNECTIONS=${BENCH_SMALL_CONNECTIONS:-50}
    REQUESTS=${BENCH_REQUESTS:-20000}; WARMUP=${BENCH_WARMUP:-100000}
    FLOOD_CONNECTIONS=${BENCH_FLOOD_CONNECTIONS:-1000}; FLOOD_REQUESTS=${BENCH_FLOOD_REQUESTS:-10000}
    RUN_TIMEOUT=${BENCH_RUN_TIMEOUT:-180}
fi
CONNS=$CONNECTIONS # the clients of the run at hand
LATENCY=${BENCH_LATENCY:-200ms}
PHASES=${BENCH_PHASES:-calibrate split-200ms split-0ms c50-0ms flood}
WITH_NGINX=${BENCH_NGINX:-1}
MODEL=${BENCH_MODEL:-titan-text-express}
UPSTREAM_ID=${BENCH_UPSTREAM_ID:-amazon.titan-text-express-v1}
WRK_THREADS=${BENCH_WRK_THREADS:-$(nproc)}
RSS_LIMIT_MB=${BENCH_RSS_LIMIT_MB:-300}
KEEP=${BENCH_KEEP:-0}
JAR=target/fm-gateway-0.1.0-SNAPSHOT.jar

GATEWAY_ARGS=${BENCH_GATEWAY_ARGS:-}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
# Cleanup: stop what we started, by pid.
WORK=$(mktemp -d /tmp/fm-gateway-bench.XXXXXX)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        # bounded wait, then force
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ "$KEEP" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
forget() { local p=$1 i; for i in "${!PIDS[@]}"; do [ "${PIDS[$i]}" = "$p" ] && unset 'PIDS[i]'; done; }
stop_pid() { # stop one process we started and wait for it (bounded)
    local pid=$1
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    forget "$pid"
}

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites: a JDK >= 21, the jar, wrk.
# shellcheck source=bench/java.sh
source bench/java.sh
JAVA=$(find_java "${BENCH_JAVA:-}")
[ -n "$JAVA" ] || die "no JDK >= 21 under /usr/lib/jvm; set BENCH_JAVA"
JAVA_MAJOR=$(java_major "$JAVA")
[ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null || die "$JAVA is older than 21"

# The gateway's JVM flags: config/jvm.options, as docker/entrypoint.sh and bench/stack.sh read it (comments
# stripped); a flag this JDK does not know (e.g. -XX:+UseCompactObjectHeaders before JDK 24) is left out.
jvm_options() {
    local all f ok=()
    all=$(sed -e 's/[[:space:]]#.*$//' -e 's/^#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' config/jvm.options)
    # shellcheck disable=SC2086
    if "$JAVA" $all -version >/dev/null 2>&1; then echo $all; return; fi
    for f in $all; do
        if "$JAVA" "$f" -version >/dev/null 2>&1; then ok+=("$f"); else log "warning: $JAVA does not take $f; left out"; fi
    done
    echo "${ok[@]}"
}
JVM_OPTS=${BENCH_JVM_OPTS:-$(jvm_options)}
# glibc: two malloc arenas instead of 8 per core; fewer half-empty arenas in the RSS (the image sets it too).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

if [ ! -f "$JAR" ]; then
    log "building $JAR"
    ./mvnw -B -q package -DskipTests || die "build failed"
fi
# The jar extracted with an AOT cache, as the container image starts it (BENCH_AOT=0: the plain jar).
# shellcheck disable=SC2086
START_ARGS=$(aot_start_args "$JAVA" "$JAR" $JVM_OPTS)
if ! command -v wrk >/dev/null; then
    log "installing wrk (apt-get)"
    { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1 || die "wrk is missing and could not be installed"
fi
if [ "$WITH_NGINX" = 1 ] && ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    log "installing nginx-light (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; } >/dev/null 2>&1 \
        || die "nginx is missing and could not be installed"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed"
[ "$REQUESTS" -ge "$CONNECTIONS" ] || die "BENCH_REQUESTS must be >= BENCH_CONNECTIONS"
[ "$FLOOD_REQUESTS" -ge "$FLOOD_CONNECTIONS" ] || die "BENCH_FLOOD_REQUESTS must be >= BENCH_FLOOD_CONNECTIONS"
[ "$(ulimit -n)" -ge $((CONNECTIONS * 4)) ] || ulimit -n $((CONNECTIONS * 4 + 1000)) 2>/dev/null \
    || die "open files limit $(ulimit -n) is too low for $CONNECTIONS connections"

BODY=$WORK/body.json
printf '{"model":"%s","prompt":"hello","maxTokens":16}' "$MODEL" > "$BODY"
# What the gateway sends upstream for that request (Titan Text's native body): nginx forwards this one.
NATIVE_BODY=$WORK/native.json
# The Converse call the gateway makes for the benchmark's request (titan-text-express is api: converse).
printf '{"messages":[{"role":"user","content":[{"text":"hello"}]}],"inferenceConfig":{"maxTokens":16}}' > "$NATIVE_BODY"
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------------------------------------------------------
# Measuring helpers
cpu_ticks() { # utime + stime of a process, in clock ticks
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    stat=${stat##*) }
    set -- $stat
    echo $(( ${12} + ${13} ))
}
cpu_ticks_tree() { # a process and its children (nginx: master and workers)
    local total child
    total=$(cpu_ticks "$1")
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do total=$((total + $(cpu_ticks "$child"))); done
    echo "$total"
}
rss_kb_tree() { # resident memory of a process and its children, in kB
    local total child
    total=$(status_kb "$1" VmRSS); [ -n "$total" ] || return 0
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do total=$((total + $(status_kb "$child" VmRSS))); done
    echo "$total"
}
busy_ticks() { # CPU time used by the whole machine (all CPUs), in clock ticks
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }

# Samples VmRSS of $1 (and its children) every 200 ms into $2 (peak) until $3 exists; bounded by RUN_TIMEOUT.
start_rss_sampler() {
    local pid=$1 out=$2 stop=$3
    (
        peak=0
        for _ in $(seq 1 $((RUN_TIMEOUT * 5 + 50))); do
            [ -e "$stop" ] && break
            rss=$(rss_kb_tree "$pid"); [ -n "$rss" ] || break
            [ "$rss" -gt "$peak" ] && peak=$rss
            sleep 0.2
        done
        echo "$peak" > "$out"
    ) &
    SAMPLER=$!
    PIDS+=("$SAMPLER")
}

# run_wrk URL TOTAL PREFIX [BODY]: one bounded closed-loop run with $CONNS clients; results land in variables
# ${PREFIX}_<key>.
run_wrk() {
    local url=$1 total=$2 prefix=$3 body=${4:-$BODY} out=$WORK/$3.out err=$WORK/$3.err
    : > "$out"; : > "$err"
    wrk -t "$WRK_THREADS" -c "$CONNS" -d "${RUN_TIMEOUT}s" --timeout 30s -s "$ROOT/bench/bounded.lua" \
        "$url" -- "$total" "$WRK_THREADS" "$body" > "$out" 2> "$err" &
    local wrk_pid=$! progress=-1 stalled=0 done_threads wrk_cpu=0
    PIDS+=("$wrk_pid")
    # Until every wrk thread is done, wrk exits on its own (safety bound), or nothing moves for 20 s.
    for _ in $(seq 1 $((RUN_TIMEOUT * 10))); do
        kill -0 "$wrk_pid" 2>/dev/null || break
        done_threads=$(grep -c bench-thread-done "$err")
        if [ "$done_threads" -ge "$WRK_THREADS" ]; then break; fi
        local p; p=$(grep -c bench-progress "$err")
        if [ "$p" = "$progress" ]; then stalled=$((stalled + 1)); else stalled=0; progress=$p; fi
        if [ "$stalled" -ge 200 ]; then log "no progress for 20 s, stopping wrk"; break; fi
        sleep 0.1
    done
    wrk_cpu=$(cpu_ticks "$wrk_pid")
    kill -INT "$wrk_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$wrk_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$wrk_pid" 2>/dev/null
    wait "$wrk_pid" 2>/dev/null
    forget "$wrk_pid"
    local key value
    while IFS='=' read -r key value; do
        printf -v "${prefix}_${key}" '%s' "$value"
    done < <(sed -n 's/^BENCH //p' "$out")
    printf -v "${prefix}_wrk_cpu_s" '%s' "$(awk -v t="$wrk_cpu" -v h="$CLK_TCK" 'BEGIN { printf "%.2f", t / h }')"
    printf -v "${prefix}_wrk_ticks" '%s' "$wrk_cpu"
    local ok_var=${prefix}_ok
    [ -n "${!ok_var:-}" ] || { cat "$out" "$err" >&2; die "wrk gave no result"; }
}

# ---------------------------------------------------------------------------------------------------------------
# Processes under test
GW_PID=""; GW_PORT=""; GW_MGMT=""; EMU_PID=""; EMU_URL=""; NGINX_PID=""; NGINX_PORT=""
wait_for_port() { # wait_for_port LOGFILE PID REGEX [EXCLUDE]: prints the port once the log shows it
    local logf=$1 pid=$2 re=$3 exclude=${4:-none} port=""
    for _ in $(seq 1 1200); do
        port=$(sed -nE "s#$re#\1#p" "$logf" | grep -vx "$exclude" | head -1)
        [ -n "$port" ] && { echo "$port"; return 0; }
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_emulator LATENCY: the standalone emulator (its memory is not measured).
start_emulator() {
    local elog=$WORK/emulator-$1.log eport
    JAVA="$JAVA" EMULATOR_JVM_OPTS="-XX:+UseSerialGC -Xmx1g -Dsun.net.httpserver.maxIdleConnections=$((CONNECTIONS * 2 + 100))" \
        bench/emulator.sh --host 127.0.0.1 --port 0 --latency "$1" > "$elog" 2>&1 &
    EMU_PID=$!
    PIDS+=("$EMU_PID")
    eport=$(wait_for_port "$elog" "$EMU_PID" '.*listening on http://127\.0\.0\.1:([0-9]+).*') \
        || { tail -20 "$elog" >&2; die "the emulator did not start"; }
    EMU_URL=http://127.0.0.1:$eport
}
stop_emulator() { [ -n "$EMU_PID" ] && stop_pid "$EMU_PID"; EMU_PID=""; EMU_URL=""; }

# start_gateway NAME: the packaged jar in aws mode against $EMU_URL, default configuration; STARTUPS gets the
# seconds from the launch to the actuator's health answering UP.
STARTUPS=()
start_gateway() {
    local logf=$WORK/gateway-$1.log t0 t1
    GW_MGMT=$(free_port) || die "no free port"
    # aws mode, pointed at the local emulator only: static emulator credentials, no profiles, no IMDS.
    local envs=(GATEWAY_MODE=aws AWS_ACCESS_KEY_ID=AKIAFMGATEWAYEMULATOR
          AWS_SECRET_ACCESS_KEY=fmGatewayEmulatorSecretKey/DoNotUseInAws0000 AWS_REGION=us-east-1
          AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null)
    local args=(--server.port=0 --management.server.port="$GW_MGMT" --management.server.address=127.0.0.1
          --gateway.aws.bedrock-endpoint="$EMU_URL" --gateway.aws.sagemaker-endpoint="$EMU_URL"
          --gateway.regions.verify-at-startup=false --gateway.security.allow-anonymous=true)
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    env "${envs[@]}" "$JAVA" $JVM_OPTS $START_ARGS "${args[@]}" $GATEWAY_ARGS > "$logf" 2>&1 &
    GW_PID=$!
    PIDS+=("$GW_PID")
    for _ in $(seq 1 2400); do # bounded: 120 s
        curl -sf -m 1 "http://127.0.0.1:$GW_MGMT/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
        kill -0 "$GW_PID" 2>/dev/null || { tail -30 "$logf" >&2; die "the gateway exited (log: $logf)"; }
        sleep 0.05
    done
    t1=$(date +%s.%N)
    STARTUPS+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
    GW_PORT=$(wait_for_port "$logf" "$GW_PID" '.*Jetty started on port ([0-9]+).*' "$GW_MGMT") \
        || { tail -30 "$logf" >&2; die "the gateway did not start (log: $logf)"; }
    local probe
    probe=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GW_PORT/v1/text/generations" \
        -H 'Content-Type: application/json' --data-binary @"$BODY")
    [ "$probe" = 200 ] || { tail -30 "$logf" >&2; die "a first request answered $probe"; }
    log "gateway pid $GW_PID on 127.0.0.1:$GW_PORT (management $GW_MGMT), health UP after ${STARTUPS[-1]} s; emulator $EMU_URL"
}
stop_gateway() { [ -n "$GW_PID" ] && stop_pid "$GW_PID"; GW_PID=""; }
metrics() { curl -s -m 10 "http://127.0.0.1:$GW_MGMT/actuator/prometheus"; }

# sigv4_headers: an Authorization and X-Amz-Date for POST /model/UPSTREAM_ID/converse with NATIVE_BODY to
# $EMU_URL, signed now with the emulator's static keys (good for 15 minutes). Prints "AUTHORIZATION|AMZ_DATE".
sigv4_headers() {
    python3 - "$EMU_URL" "$UPSTREAM_ID" "$NATIVE_BODY" <<'PY'
import datetime, hashlib, hmac, sys, urllib.parse
url, model, body_file = sys.argv[1], sys.argv[2], sys.argv[3]
key_id, secret, region, service = "AKIAFMGATEWAYEMULATOR", "fmGatewayEmulatorSecretKey/DoNotUseInAws0000", "us-east-1", "bedrock"
host = urllib.parse.urlparse(url).netloc
body = open(body_file, "rb").read()
now = datetime.datetime.now(datetime.timezone.utc)
amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
path = "/model/" + model + "/converse"
canonical_uri = "/".join(urllib.parse.quote(urllib.parse.quote(seg, safe="-_.~"), safe="-_.~%") for seg in path.split("/"))
canonical = "\n".join(["POST", canonical_uri, "", "host:" + host + "\n" + "x-amz-date:" + amz_date + "\n",
                       "host;x-amz-date", hashlib.sha256(body).hexdigest()])
scope = "/".join([day, region, service, "aws4_request"])
to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
k = ("AWS4" + secret).encode()
for part in (day, region, service, "aws4_request"):
    k = hmac.new(k, part.encode(), hashlib.sha256).digest()
sig = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
print("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=host;x-amz-date, Signature=%s|%s" % (key_id, scope, sig, amz_date))
PY
}

# start_nginx: nginx-light as a plain reverse proxy to $EMU_URL (2 workers, keep-alive upstream connections,
# no access log): every request becomes the signed Converse call the gateway would make.
start_nginx() {
    local dir=$WORK/nginx signed auth amz_date
    mkdir -p "$dir"
    signed=$(sigv4_headers) || die "could not sign the nginx request"
    auth=${signed%%|*}; amz_date=${signed##*|}
    NGINX_PORT=$(free_port) || die "no free port"
    cat > "$dir/nginx.conf" <<CONF
worker_processes $(nproc);
worker_rlimit_nofile $((CONNECTIONS * 4 + 1000));
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections $((CONNECTIONS * 2 + 200)); }
http {
    access_log off;
    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
    upstream emulator { server ${EMU_URL#http://}; keepalive $((CONNECTIONS + 100)); }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        keepalive_requests 1000000;
        location / {
            rewrite ^ /model/$UPSTREAM_ID/converse break;
            proxy_pass http://emulator;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host ${EMU_URL#http://};
            proxy_set_header Authorization "$auth";
            proxy_set_header X-Amz-Date $amz_date;
            proxy_read_timeout 60s;
        }
    }
}
CONF
    "$NGINX" -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' > "$dir/stdout.log" 2>&1 &
    NGINX_PID=$!
    PIDS+=("$NGINX_PID")
    local probe=""
    for _ in $(seq 1 100); do
        probe=$(curl -s -o "$dir/probe.json" -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/v1/text/generations" \
            -H 'Content-Type: application/json' --data-binary @"$NATIVE_BODY" 2>/dev/null)
        [ "$probe" = 200 ] && break
        kill -0 "$NGINX_PID" 2>/dev/null || break
        sleep 0.1
    done
    [ "$probe" = 200 ] || { cat "$dir/stdout.log" "$dir/error.log" "$dir/probe.json" >&2; die "nginx: a first request answered $probe"; }
    log "nginx pid $NGINX_PID on 127.0.0.1:$NGINX_PORT -> $EMU_URL/model/$UPSTREAM_ID/converse"
}
stop_nginx() { [ -n "$NGINX_PID" ] && stop_pid "$NGINX_PID"; NGINX_PID=""; }

# measure_run PREFIX URL PID [BODY]: warm-up, then the measured run with the CPU time of PID (and its children)
# and of the emulator, and PID's resident memory sampled.
measure_run() {
    local p=$1 url=$2 pid=$3 body=${4:-$BODY}
    local rss_start; rss_start=$(rss_kb_tree "$pid")
    if [ "$WARMUP" -gt 0 ]; then
        local left=$WARMUP chunk i=0 v e
        while [ "$left" -gt 0 ]; do
            chunk=$(( left > REQUESTS ? REQUESTS : left )); [ "$chunk" -lt "$CONNS" ] && chunk=$CONNS
            i=$((i + 1))
            run_wrk "$url" "$chunk" "W_${p}_$i" "$body"
            v=W_${p}_${i}_rps; e=W_${p}_${i}_non2xx
            log "${p#P_} warm-up $i: $chunk requests, ${!v} req/s, non-2xx ${!e}"
            left=$((left - chunk))
        done
    fi
    local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    local stop=$WORK/$p.stop peakf=$WORK/$p.peak
    rm -f "$stop"
    start_rss_sampler "$pid" "$peakf" "$stop"
    local c0 e0=0 t0 t1 b0 b1
    b0=$(busy_ticks)
    c0=$(cpu_ticks_tree "$pid"); [ -n "$EMU_PID" ] && e0=$(cpu_ticks "$EMU_PID")
    t0=$(date +%s.%N)
    run_wrk "$url" "$REQUESTS" "$p" "$body"
    t1=$(date +%s.%N)
    local c1 e1=0
    c1=$(cpu_ticks_tree "$pid"); [ -n "$EMU_PID" ] && e1=$(cpu_ticks "$EMU_PID")
    b1=$(busy_ticks)
    touch "$stop"; wait "$SAMPLER" 2>/dev/null; forget "$SAMPLER"
    local answered_var=${p}_ok bad_var=${p}_non2xx
    local answered=$(( ${!answered_var} + ${!bad_var} ))
    printf -v "${p}_gw_cpu_s" '%s' "$(awk -v t=$((c1 - c0)) -v h="$CLK_TCK" 'BEGIN { printf "%.2f", t / h }')"
    printf -v "${p}_gw_cpu_ms_per_req" '%s' \
        "$(awk -v t=$((c1 - c0)) -v h="$CLK_TCK" -v n="$answered" 'BEGIN { printf "%.3f", t * 1000 / h / n }')"
    printf -v "${p}_emu_cpu_ms_per_req" '%s' \
        "$(awk -v t=$((e1 - e0)) -v h="$CLK_TCK" -v n="$answered" 'BEGIN { printf "%.3f", t * 1000 / h / n }')"
    printf -v "${p}_rss_start_mb" '%s' "$(awk -v k="$rss_start" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')"
    printf -v "${p}_rss_peak_run_mb" '%s' "$(awk -v k="$(cat "$peakf")" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')"
    printf -v "${p}_hwm_mb" '%s' "$(awk -v k="$(status_kb "$pid" VmHWM)" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')"
    printf -v "${p}_load" '%s' "$load_before -> $(cut -d' ' -f1-3 /proc/loadavg)"
    # Everything else the machine did meanwhile: other processes, the kernel's share not charged to ours.
    local wt=${p}_wrk_ticks
    printf -v "${p}_other_cpu_s" '%s' "$(awk -v b=$((b1 - b0)) -v g=$((c1 - c0)) -v e=$((e1 - e0)) -v w="${!wt}" \
        -v h="$CLK_TCK" 'BEGIN { o = (b - g - e - w) / h; if (o < 0) o = 0; printf "%.2f", o }')"
    printf -v "${p}_wall_s" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}

# measure_phase NAME LATENCY CLIENTS: the gateway, then nginx, in front of one emulator at LATENCY.
measure_phase() {
    local name=$1 latency=$2 p=P_${1//-/_}
    CONNS=$3
    start_emulator "$latency"
    start_gateway "$name"
    measure_run "$p" "http://127.0.0.1:$GW_PORT/v1/text/generations" "$GW_PID"
    stop_gateway
    if [ "$WITH_NGINX" = 1 ]; then
        start_nginx
        measure_run "${p}_nginx" "http://127.0.0.1:$NGINX_PORT/v1/text/generations" "$NGINX_PID" "$NATIVE_BODY"
        stop_nginx
    fi
    stop_emulator
    CONNS=$CONNECTIONS
}

# flood: FLOOD_CONNECTIONS clients send FLOOD_REQUESTS calls while the emulator throttles every call to the model
# (in every region), then as many once it stopped throttling. Reads the gateway's own meters after each run.
metric_sum() { # metric_sum FILE NAME [LABEL-REGEX]: sum of a metric's samples whose labels match
    awk -v n="$2" -v re="${3:-.}" '$1 ~ "^"n"[{ ]" || $1 == n { if ($1 ~ re) s += $NF } END { printf "%d", s }' "$1"
}
limits_of() { # limits_of FILE: "deployment=limit" for each deployment of the model
    sed -nE "s/^gateway_concurrency_limit\{deployment=\"([^\"]*$UPSTREAM_ID[^\"]*)\".*\} ([0-9.E]+)$/\1=\2/p" "$1" \
        | awk -F= '{ printf "%s%s=%d", (NR > 1 ? ", " : ""), $1, $2 }'
}
flood() {
    CONNS=$FLOOD_CONNECTIONS
    start_emulator "$LATENCY"
    start_gateway flood
    local url=http://127.0.0.1:$GW_PORT/v1/text/generations code
    metrics > "$WORK/flood-0.prom"
    code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -X POST "$EMU_URL/_emulator/faults" \
        -H 'Content-Type: application/json' --data-binary "{\"kind\":\"throttle\",\"target\":\"$UPSTREAM_ID\"}")
    [ "$code" = 201 ] || die "the emulator refused the throttle fault ($code)"
    # Every 0.5 s during the flood: seconds since it began, then each deployment's calls in flight.
    local stop=$WORK/flood.stop c0 c1
    rm -f "$stop"
    (
        start=$(date +%s.%N)
        for _ in $(seq 1 $((RUN_TIMEOUT * 2 + 20))); do
            [ -e "$stop" ] && break
            now=$(date +%s.%N)
            metrics | sed -nE "s/^gateway_concurrency_in_flight\{deployment=\"[^\"]*$UPSTREAM_ID[^\"]*\".*\} ([0-9.E]+)$/\1/p" \
                | awk -v a="$start" -v b="$now" '{ m = ($1 + 0 > m) ? $1 + 0 : m } END { printf "%.1f %d\n", b - a, m }'
            sleep 0.5
        done > "$WORK/flood-inflight.txt"
    ) &
    local sampler=$!
    PIDS+=("$sampler")
    c0=$(cpu_ticks "$GW_PID")
    run_wrk "$url" "$FLOOD_REQUESTS" P_flood
    c1=$(cpu_ticks "$GW_PID")
    touch "$stop"; wait "$sampler" 2>/dev/null; forget "$sampler"
    # The most calls in flight to one deployment once the flood ran for a second (the limit's time to learn).
    FLOOD_peak_inflight=$(awk '$1 >= 1 && $2 > m { m = $2 } END { printf "%d", m }' "$WORK/flood-inflight.txt")
    metrics > "$WORK/flood-1.prom"
    FLOOD_gw_cpu_ms_per_req=$(awk -v t=$((c1 - c0)) -v h="$CLK_TCK" -v n="$FLOOD_REQUESTS" 'BEGIN { printf "%.3f", t * 1000 / h / n }')
    FLOOD_hwm_mb=$(awk -v k="$(status_kb "$GW_PID" VmHWM)" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
    code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -X DELETE "$EMU_URL/_emulator/faults")
    [ "$code" = 204 ] || die "the emulator did not clear its faults ($code)"
    run_wrk "$url" "$FLOOD_REQUESTS" P_flood_after
    metrics > "$WORK/flood-2.prom"
    local throttled='code="UPSTREAM_THROTTLED"'
    FLOOD_upstream_throttled=$(( $(metric_sum "$WORK/flood-1.prom" gateway_upstream_failures_total "$throttled") \
        - $(metric_sum "$WORK/flood-0.prom" gateway_upstream_failures_total "$throttled") ))
    FLOOD_refused=$(( $(metric_sum "$WORK/flood-1.prom" gateway_concurrency_refused_total) \
        - $(metric_sum "$WORK/flood-0.prom" gateway_concurrency_refused_total) ))
    FLOOD_outcomes=$(sed -nE 's/^gateway_requests_seconds_count\{.*outcome="([A-Z_]+)".*\} ([0-9.E]+)$/\1 \2/p' \
        "$WORK/flood-1.prom" | awk '{ n[$1] += $2 } END { for (k in n) printf "%s %s: %d", (c++ ? "," : ""), k, n[k] }')
    FLOOD_limits=$(limits_of "$WORK/flood-1.prom")
    FLOOD_limits_after=$(limits_of "$WORK/flood-2.prom")
    FLOOD_max_limit=$(sed -nE "s/^gateway_concurrency_limit\{deployment=\"[^\"]*$UPSTREAM_ID[^\"]*\".*\} ([0-9.E]+)$/\1/p" \
        "$WORK/flood-1.prom" | awk 'BEGIN { m = 0 } { if ($1 + 0 > m) m = $1 + 0 } END { printf "%d", m }')
    FLOOD_min_limit=$(sed -nE 's/^[[:space:]]*min-limit:[[:space:]]*([0-9]+).*/\1/p' config/application.yaml | head -1)
    stop_gateway
    stop_emulator
    CONNS=$CONNECTIONS
}

# ---------------------------------------------------------------------------------------------------------------
# Calibration: the same wrk run against a server that only waits the latency (bench/Baseline.java).
calibrate() {
    local blog=$WORK/baseline.log ms
    ms=$(latency_ms "$LATENCY")
    "$JAVA" "$ROOT/bench/Baseline.java" "$ms" > "$blog" 2>&1 &
    local bpid=$!
    PIDS+=("$bpid")
    local bport
    bport=$(wait_for_port "$blog" "$bpid" '^port=([0-9]+)$') || { cat "$blog" >&2; die "the baseline server did not start"; }
    run_wrk "http://127.0.0.1:$bport/v1/text/generations" "$REQUESTS" W_calibrate
    run_wrk "http://127.0.0.1:$bport/v1/text/generations" "$REQUESTS" P_calibrate
    stop_pid "$bpid"
}
latency_ms() { # 200ms, 0.2s, 1s -> milliseconds
    awk -v v="$1" 'BEGIN {
        if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
        else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
        else print v + 0 }'
}

# ---------------------------------------------------------------------------------------------------------------
machine() {
    echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)$( [ "$QUICK" = 1 ] && echo "  (LOAD_QUICK=1: a smoke run, not a measurement)")"
    echo "machine:     $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, kernel $(uname -r)"
    echo "java:        $("$JAVA" -version 2>&1 | head -1) ($JAVA)"
    echo "wrk:         $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $WRK_THREADS threads, $CONNECTIONS connections ($SMALL_CONNECTIONS in c50-0ms, $FLOOD_CONNECTIONS in the flood)"
    [ "$WITH_NGINX" = 1 ] && echo "nginx:       $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $(nproc) workers, a plain reverse proxy to the same emulator"
    echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at the start"
    echo "jvm flags:   $JVM_OPTS (MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX)"
    echo "gateway:     $JAR, aws mode, default configuration${GATEWAY_ARGS:+, $GATEWAY_ARGS}"
    echo "requests:    $REQUESTS per measured run after $WARMUP warm-up requests; POST /v1/text/generations $(cat "$BODY")"
}

report_run() { # report_run PREFIX LABEL: one measured run of the gateway or nginx
    local p=$1
    local -n _ok=${p}_ok _bad=${p}_non2xx _sock=${p}_socket_errors _rps=${p}_rps _el=${p}_elapsed_s
    local -n _p50=${p}_latency_p50_ms _p99=${p}_latency_p99_ms _max=${p}_latency_max_ms _st=${p}_statuses
    local -n _wcpu=${p}_wrk_cpu_s _unf=${p}_unfinished_threads
    local -n _cpu=${p}_gw_cpu_ms_per_req _cpus=${p}_gw_cpu_s _ecpu=${p}_emu_cpu_ms_per_req
    local -n _rs=${p}_rss_start_mb _rp=${p}_rss_peak_run_mb _hwm=${p}_hwm_mb _load=${p}_load
    local -n _other=${p}_other_cpu_s _wall=${p}_wall_s
    printf '   %-8s answered      %s 2xx, %s non-2xx (%s), %s socket errors/timeouts, %s unfinished wrk threads\n' \
        "$2" "$_ok" "$_bad" "$_st" "$_sock" "$_unf"
    printf '   %-8s throughput    %s req/s (%s requests in %s s)\n' "" "$_rps" "$(( _ok + _bad ))" "$_el"
    printf '   %-8s latency       p50 %s ms, p99 %s ms, max %s ms\n' "" "$_p50" "$_p99" "$_max"
    printf '   %-8s CPU           %s ms per request (%s s in the run); the emulator: %s ms per request\n' "" \
        "$_cpu" "$_cpus" "$_ecpu"
    printf '   %-8s RSS           %s MB before the run, peak %s MB during it, VmHWM %s MB (whole process life)\n' "" \
        "$_rs" "$_rp" "$_hwm"
    printf '   %-8s other CPU     wrk %s s; everything else on the machine %s s (of %s CPU-seconds in the run)\n' "" \
        "$_wcpu" "$_other" "$(awk -v w="$_wall" -v n="$(nproc)" 'BEGIN { printf "%.1f", w * n }')"
    printf '   %-8s load average  %s\n' "" "$_load"
}

report_phase() { # report_phase PHASE TITLE
    local p=P_${1//-/_}
    echo "-- $2"
    if [ "$1" = calibrate ]; then
        local -n _ok=${p}_ok _bad=${p}_non2xx _sock=${p}_socket_errors _rps=${p}_rps _el=${p}_elapsed_s
        local -n _p50=${p}_latency_p50_ms _p99=${p}_latency_p99_ms _max=${p}_latency_max_ms _st=${p}_statuses
        local -n _wcpu=${p}_wrk_cpu_s _unf=${p}_unfinished_threads
        printf '   answered      %s 2xx, %s non-2xx (%s), %s socket errors/timeouts, %s unfinished wrk threads\n' \
            "$_ok" "$_bad" "$_st" "$_sock" "$_unf"
        printf '   throughput    %s req/s (%s requests in %s s)\n' "$_rps" "$(( _ok + _bad ))" "$_el"
        printf '   latency       p50 %s ms, p99 %s ms, max %s ms\n' "$_p50" "$_p99" "$_max"
        printf '   wrk CPU       %s s\n' "$_wcpu"
        return
    fi
    report_run "$p" gateway
    local n=${p}_nginx_ok
    [ -n "${!n:-}" ] && report_run "${p}_nginx" nginx
}

report_flood() {
    echo "-- flood: $FLOOD_CONNECTIONS clients, $FLOOD_REQUESTS calls while the emulator throttles every call to $UPSTREAM_ID, latency $LATENCY"
    printf '   answered      %s 2xx, %s non-2xx (%s), %s socket errors/timeouts\n' \
        "$P_flood_ok" "$P_flood_non2xx" "$P_flood_statuses" "$P_flood_socket_errors"
    printf '   by outcome    %s (the gateway'"'"'s gateway_requests_seconds_count, whole process life)\n' "$FLOOD_outcomes"
    printf '   upstream      %s throttled calls reached the emulator for %s client calls (%s per call; without a limit\n' \
        "$FLOOD_upstream_throttled" "$FLOOD_REQUESTS" \
        "$(awk -v u="$FLOOD_upstream_throttled" -v n="$FLOOD_REQUESTS" 'BEGIN { printf "%.2f", u / n }')"
    printf '                 every call makes up to max-attempts = 3); %s calls refused at the limit without reaching it\n' "$FLOOD_refused"
    printf '   limit         at the end of the flood: %s (min-limit %s)\n' "$FLOOD_limits" "$FLOOD_min_limit"
    printf '   in flight     at most %s calls to one deployment once the flood ran for 1 s (sampled every 0.5 s: %s)\n' \
        "$FLOOD_peak_inflight" "$(awk '{ printf "%s%s:%s", (NR > 1 ? " " : ""), $1, $2 }' "$WORK/flood-inflight.txt" | cut -c1-200)"
    printf '   gateway       %s ms CPU per request, VmHWM %s MB, p99 %s ms\n' "$FLOOD_gw_cpu_ms_per_req" "$FLOOD_hwm_mb" "$P_flood_latency_p99_ms"
    echo "-- after the flood: the same $FLOOD_REQUESTS calls once the emulator stopped throttling"
    printf '   answered      %s 2xx, %s non-2xx (%s); %s req/s, p99 %s ms; limit at the end: %s\n' \
        "$P_flood_after_ok" "$P_flood_after_non2xx" "$P_flood_after_statuses" "$P_flood_after_rps" \
        "$P_flood_after_latency_p99_ms" "$FLOOD_limits_after"
}

# ---------------------------------------------------------------------------------------------------------------
log "work directory $WORK"
for phase in $PHASES; do
    case $phase in
        calibrate) log "calibrating wrk against a ${LATENCY} no-op server"; calibrate ;;
        split-200ms) log "phase $phase"; measure_phase "$phase" "$LATENCY" "$CONNECTIONS" ;;
        split-0ms) log "phase $phase"; measure_phase "$phase" 0ms "$CONNECTIONS" ;;
        c50-0ms) log "phase $phase ($SMALL_CONNECTIONS clients)"; measure_phase "$phase" 0ms "$SMALL_CONNECTIONS" ;;
        flood) log "phase flood"; flood ;;
        200ms|0ms) die "phase $phase ran the emulator inside the gateway; the packaged jar has no emulator: use split-$phase" ;;
        *) die "unknown phase $phase" ;;
    esac
done

# ---------------------------------------------------------------------------------------------------------------
echo
echo "== fm-gateway load benchmark"
machine
echo
for phase in $PHASES; do
    case $phase in
        calibrate) report_phase calibrate "calibration: wrk against a no-op server answering after $LATENCY" ;;
        split-200ms) report_phase split-200ms "$CONNECTIONS clients, emulator (its own JVM) latency $LATENCY" ;;
        split-0ms) report_phase split-0ms "$CONNECTIONS clients, emulator (its own JVM) latency 0 ms" ;;
        c50-0ms) report_phase c50-0ms "$SMALL_CONNECTIONS clients, emulator (its own JVM) latency 0 ms" ;;
        flood) report_flood ;;
    esac
done

# Targets, on the checked run: the gateway alone, latency LATENCY.
status=0
verdict() { # verdict CONDITION(0/1): prints met/MISSED and remembers a miss
    if [ "$1" = 1 ]; then VERDICT=met; else VERDICT=MISSED; status=1; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
CHECKED=""
[[ " $PHASES " == *" split-200ms "* ]] && CHECKED=split_200ms
if [ -n "$CHECKED" ]; then
    CHECKED_PREFIX=P_$CHECKED
    v() { local n=${CHECKED_PREFIX}_$1; echo "${!n:-}"; }
    ideal=$(awk -v c="$CONNECTIONS" -v l="$(latency_ms "$LATENCY")" 'BEGIN { printf "%.0f", c * 1000 / l }')
    ceiling=$ideal
    if [ -n "${P_calibrate_rps:-}" ]; then
        ceiling=$(awk -v a="$ideal" -v b="$P_calibrate_rps" 'BEGIN { printf "%.0f", (b < a ? b : a) }')
    fi
    need=$(awk -v c="$ceiling" 'BEGIN { printf "%.0f", c * 0.9 }')
    # What the CPUs allow when the gateway, the emulator and wrk share them: CPUs / CPU seconds per request.
    cpu_ceiling=$(awk -v g="$(v gw_cpu_ms_per_req)" -v e="$(v emu_cpu_ms_per_req)" -v w="$(v wrk_cpu_s)" \
        -v n="$REQUESTS" -v c="$(nproc)" 'BEGIN { t = g + e + w * 1000 / n; printf "%.0f", (t > 0 ? c * 1000 / t : 0) }')
    echo
    echo "== targets (${CHECKED//_/-}, latency $LATENCY)"
    clean=0
    [ "$(v ok)" = "$REQUESTS" ] && [ "$(v non2xx)" = 0 ] && [ "$(v socket_errors)" = 0 ] \
        && [ "$(v unfinished_threads)" = 0 ] && clean=1
    verdict $clean
    printf '   zero errors               %-6s  %s of %s answered 2xx, %s non-2xx, %s socket errors or timeouts\n' \
        "$VERDICT" "$(v ok)" "$REQUESTS" "$(v non2xx)" "$(v socket_errors)"
    verdict "$(awk -v r="$(v rps)" -v n="$need" 'BEGIN { print (r >= n) ? 1 : 0 }')"
    printf '   throughput >= %s req/s  %-6s  %s req/s; target = 90%% of min(%s clients / %s = %s, wrk ceiling %s)\n' \
        "$need" "$VERDICT" "$(v rps)" "$CONNECTIONS" "$LATENCY" "$ideal" "${P_calibrate_rps:-not measured}"
    verdict "$(awk -v r="$(v rps)" -v c="$cpu_ceiling" 'BEGIN { print (r >= 0.9 * c) ? 1 : 0 }')"
    printf '   >= 90%% of CPU ceiling     %-6s  %s req/s = %s%% of %s req/s (%s CPUs / CPU ms per request of gateway %s + emulator %s + wrk %s)\n' \
        "$VERDICT" "$(v rps)" "$(awk -v r="$(v rps)" -v c="$cpu_ceiling" 'BEGIN { printf "%.0f", (c > 0 ? r * 100 / c : 0) }')" \
        "$cpu_ceiling" "$(nproc)" "$(v gw_cpu_ms_per_req)" "$(v emu_cpu_ms_per_req)" \
        "$(awk -v w="$(v wrk_cpu_s)" -v n="$REQUESTS" 'BEGIN { printf "%.3f", w * 1000 / n }')"
    verdict "$( [ "$(v hwm_mb)" -lt "$RSS_LIMIT_MB" ] && echo 1 || echo 0 )"
    printf '   RSS < %s MB              %-6s  VmHWM %s MB over the process life, %s MB peak during the run (%s in flight)\n' \
        "$RSS_LIMIT_MB" "$VERDICT" "$(v hwm_mb)" "$(v rss_peak_run_mb)" "$CONNECTIONS"
    if [ -n "$(v nginx_ok)" ]; then
        printf '   share of nginx            report  %s req/s = %s x nginx'"'"'s %s req/s\n' \
            "$(v rps)" "$(ratio "$(v rps)" "$(v nginx_rps)")" "$(v nginx_rps)"
        verdict "$(awk -v a="$(v latency_p99_ms)" -v b="$(v nginx_latency_p99_ms)" 'BEGIN { print (a <= 2 * b) ? 1 : 0 }')"
        printf '   p99 <= 2 x nginx'"'"'s        %-6s  %s ms = %s x nginx'"'"'s %s ms\n' \
            "$VERDICT" "$(v latency_p99_ms)" "$(ratio "$(v latency_p99_ms)" "$(v nginx_latency_p99_ms)")" "$(v nginx_latency_p99_ms)"
    fi
fi
if [[ " $PHASES " == *" c50-0ms "* ]]; then
    echo
    echo "== CPU per request ($SMALL_CONNECTIONS clients, emulator latency 0 ms)"
    verdict "$(awk -v a="$P_c50_0ms_gw_cpu_ms_per_req" 'BEGIN { print (a <= 0.5) ? 1 : 0 }')"
    printf '   gateway <= 0.5 ms         %-6s  %s ms per request' "$VERDICT" "$P_c50_0ms_gw_cpu_ms_per_req"
    if [ -n "${P_c50_0ms_nginx_ok:-}" ]; then
        printf ' = %s x nginx'"'"'s %s ms' "$(ratio "$P_c50_0ms_gw_cpu_ms_per_req" "$P_c50_0ms_nginx_gw_cpu_ms_per_req")" \
            "$P_c50_0ms_nginx_gw_cpu_ms_per_req"
    fi
    echo
fi
if [ ${#STARTUPS[@]} -gt 0 ]; then
    echo
    echo "== startup"
    printf '   time to health UP         report  %s s (fastest of %s starts; all: %s)\n' \
        "$(printf '%s\n' "${STARTUPS[@]}" | sort -n | head -1)" "${#STARTUPS[@]}" "${STARTUPS[*]}"
fi
if [[ " $PHASES " == *" flood "* ]]; then
    echo
    echo "== flood against a throttling upstream"
    # Protected: every deployment's limit fell to (near) its minimum, and after the first second no deployment had
    # more calls in flight than that, whatever the number of clients (the others wait briefly, then get 429).
    verdict "$(awk -v m="$FLOOD_max_limit" -v lo="$FLOOD_min_limit" -v p="$FLOOD_peak_inflight" \
        'BEGIN { print (m <= 2 * lo && p <= 2 * lo) ? 1 : 0 }')"
    printf '   limit protects            %-6s  limits %s (min-limit %s); at most %s calls in flight to one deployment after 1 s, for %s clients\n' \
        "$VERDICT" "$FLOOD_limits" "$FLOOD_min_limit" "$FLOOD_peak_inflight" "$FLOOD_CONNECTIONS"
    printf '   after the flood           report  %s 2xx, %s non-2xx (%s); limits %s\n' \
        "$P_flood_after_ok" "$P_flood_after_non2xx" "$P_flood_after_statuses" "$FLOOD_limits_after"
fi
exit $status
