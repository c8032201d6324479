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
