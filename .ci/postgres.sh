# Sourced by .ci/run: starts a throwaway PostgreSQL server on 127.0.0.1 for the usage ledger's PostgreSQL tests
# and exports FMGW_TEST_POSTGRES_URL. Installs Debian's postgresql package when no server binaries are present.
# The server and its data directory are removed by fmgw_stop_postgres (run it on exit).

fmgw_start_postgres() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        echo "Installing PostgreSQL (Debian package postgresql) for the ledger tests"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    fi
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    FMGW_PG_DIR=$(mktemp -d /tmp/fmgw-postgres.XXXXXX)
    FMGW_PG_PORT=54329
    while (exec 3<>"/dev/tcp/127.0.0.1/$FMGW_PG_PORT") 2>/dev/null; do
        FMGW_PG_PORT=$((FMGW_PG_PORT + 1))
    done
    # PostgreSQL refuses to run as root: as root, run it as the postgres user the package created.
    FMGW_PG_AS=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$FMGW_PG_DIR"
        FMGW_PG_AS=(runuser -u postgres --)
    fi
    "${FMGW_PG_AS[@]}" "$bin/initdb" -D "$FMGW_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    "${FMGW_PG_AS[@]}" "$bin/pg_ctl" -D "$FMGW_PG_DIR/data" -l "$FMGW_PG_DIR/server.log" -w -t 60 \
        -o "-p $FMGW_PG_PORT -k $FMGW_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    "${FMGW_PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$FMGW_PG_PORT" -U postgres fmgateway
    FMGW_PG_BIN=$bin
    export FMGW_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$FMGW_PG_PORT/fmgateway?user=postgres"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the ledger tests on 127.0.0.1:$FMGW_PG_PORT"
}

fmgw_stop_postgres() {
    if [ -n "${FMGW_PG_DIR:-}" ] && [ -d "$FMGW_PG_DIR/data" ]; then
        "${FMGW_PG_AS[@]}" "$FMGW_PG_BIN/pg_ctl" -D "$FMGW_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$FMGW_PG_DIR"
    fi
}
