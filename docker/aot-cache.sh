#!/bin/sh
# Prepares the gateway for a fast start: extracts the Spring Boot jar into DIR (DIR/fm-gateway.jar next to DIR/lib/,
# the layout an AOT cache needs) and records a JDK AOT cache, DIR/fm-gateway.aot (JDK 25: JEP 483 and 514), with
# one training start that stops as soon as the application context is up (no call leaves the process).
#   docker/aot-cache.sh JAR DIR [JVM flags...]
# Start the result with the same JVM flags plus -XX:AOTCache=DIR/fm-gateway.aot -jar DIR/fm-gateway.jar. A JDK that
# cannot use the cache (another version, other flags) warns and starts without it. JAVA picks the java (default: java).
# Used by docker/Dockerfile and bench/load.sh; the numbers are in docs/benchmark.md ("Startup").
set -eu
[ $# -ge 2 ] || { echo "usage: $0 JAR DIR [JVM flags...]" >&2; exit 2; }
jar=$1; dir=$2; shift 2
java=${JAVA:-java}
rm -rf "$dir"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
mv "$dir"/*.jar "$dir/fm-gateway.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The training start: the packaged defaults (aws mode) with nothing that reaches out or writes outside $work.
# shellcheck disable=SC2068
GATEWAY_MODE=aws AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIATRAININGONLY0000 AWS_SECRET_ACCESS_KEY=training-only \
AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
    "$java" $@ -XX:AOTCacheOutput="$dir/fm-gateway.aot" \
    -Dspring.context.exit=onRefresh -jar "$dir/fm-gateway.jar" \
    --server.port=0 --management.server.port=0 --gateway.regions.verify-at-startup=false \
    --spring.datasource.url="jdbc:h2:mem:aot-training" --gateway.ledger.journal-directory="$work/journal" \
    --logging.level.root=warn > "$work/training.log" 2>&1 || true # the exit after the refresh is not a clean one
grep -q "AOTCache creation is complete" "$work/training.log" && [ -s "$dir/fm-gateway.aot" ] \
    || { tail -30 "$work/training.log" >&2; echo "aot-cache: no cache was written" >&2; exit 1; }
echo "aot-cache: $dir/fm-gateway.aot ($(du -m "$dir/fm-gateway.aot" | cut -f1) MB)"
