# Sourced by the bench scripts: finds the JDK (>= 21) that runs the gateway and the emulator.
#   java_major JAVA      the major version of that java, e.g. 25
#   find_java [OVERRIDE] OVERRIDE when set, else the newest java >= 21 under /usr/lib/jvm, else `java` if new
#                        enough, else nothing
java_major() { "$1" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }
find_java() {
    if [ -n "${1:-}" ]; then echo "$1"; return; fi
    local best="" best_v=0 j v
    for j in /usr/lib/jvm/*/bin/java; do
        [ -x "$j" ] || continue
        v=$(java_major "$j"); [ -n "$v" ] || continue
        if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best=$j; best_v=$v; fi
    done
    if [ -z "$best" ] && command -v java >/dev/null && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then best=java; fi
    echo "$best"
}
# aot_start_args JAVA JAR FLAGS...: prints "-XX:AOTCache=<cache> -jar <extracted jar>" to start JAR fast, as the
# container image does (docker/aot-cache.sh), preparing target/aot once per jar, java and flags (about a minute);
# prints "-jar JAR" when BENCH_AOT=0 or the cache cannot be made.
aot_start_args() {
    local java=$1 jar=$2; shift 2
    local dir=target/aot stamp
    stamp="$(stat -c %Y:%s "$jar") $java $*"
    if [ "${BENCH_AOT:-1}" = 1 ]; then
        if [ ! -s "$dir/fm-gateway.aot" ] || [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
            echo "preparing the AOT cache in $dir (docker/aot-cache.sh)" >&2
            if JAVA="$java" sh docker/aot-cache.sh "$jar" "$dir" "$@" >&2; then echo "$stamp" > "$dir/stamp"; fi
        fi
        if [ -s "$dir/fm-gateway.aot" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ]; then
            echo "-XX:AOTCache=$dir/fm-gateway.aot -jar $dir/fm-gateway.jar"; return
        fi
        echo "warning: no AOT cache; the gateway starts from $jar" >&2
    fi
    echo "-jar $jar"
}
