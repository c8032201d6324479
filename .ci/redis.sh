# Sourced by .ci/run: starts a throwaway Redis server on 127.0.0.1 for the limits' Redis tests and exports
# FMGW_TEST_REDIS_URL. Installs Debian's redis-server package when no server binary is present.
# The server (no persistence) and its directory are removed by fmgw_stop_redis (run it on exit).

fmgw_start_redis() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "Installing Redis (Debian package redis-server) for the limits tests"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
    fi
    FMGW_REDIS_DIR=$(mktemp -d /tmp/fmgw-redis.XXXXXX)
    FMGW_REDIS_PORT=63790
    while (exec 3<>"/dev/tcp/127.0.0.1/$FMGW_REDIS_PORT") 2>/dev/null; do
        FMGW_REDIS_PORT=$((FMGW_REDIS_PORT + 1))
    done
    redis-server --bind 127.0.0.1 --port "$FMGW_REDIS_PORT" --save "" --appendonly no --daemonize yes \
        --dir "$FMGW_REDIS_DIR" --pidfile "$FMGW_REDIS_DIR/redis.pid" --logfile "$FMGW_REDIS_DIR/redis.log"
    local tries=0
    until redis-cli -h 127.0.0.1 -p "$FMGW_REDIS_PORT" ping >/dev/null 2>&1; do
        tries=$((tries + 1))
        if [ "$tries" -gt 50 ]; then
            echo "Redis did not start on 127.0.0.1:$FMGW_REDIS_PORT" >&2
            cat "$FMGW_REDIS_DIR/redis.log" >&2
            return 1
        fi
        sleep 0.1
    done
    export FMGW_TEST_REDIS_URL="redis://127.0.0.1:$FMGW_REDIS_PORT"
    echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) for the limits tests on 127.0.0.1:$FMGW_REDIS_PORT"
}

fmgw_stop_redis() {
    if [ -n "${FMGW_REDIS_DIR:-}" ] && [ -d "$FMGW_REDIS_DIR" ]; then
        redis-cli -h 127.0.0.1 -p "$FMGW_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        rm -rf "$FMGW_REDIS_DIR"
    fi
}
