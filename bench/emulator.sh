#!/usr/bin/env bash
# The standalone emulator in its own JVM, for scripts that need its process id (bench/load.sh, bench/stack.sh,
# bench/faults.sh). Users start it with: ./mvnw -Pemulator spring-boot:run -Dspring-boot.run.arguments="--port 4566"
#   bench/emulator.sh [EmulatorMain options: --host --port --latency --stream-interval --access-key --secret-key
#                      --sagemaker-endpoint name=kind ...]
# JAVA (>= 21; default: the newest under /usr/lib/jvm) runs it; EMULATOR_JVM_OPTS adds JVM flags. It compiles the
# dev-time classes once if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/java.sh
JAVA=$(find_java "${JAVA:-}")
[ -n "$JAVA" ] || { echo "no JDK >= 21 under /usr/lib/jvm; set JAVA" >&2; exit 2; }
if [ ! -s target/emulator.classpath ] || [ pom.xml -nt target/emulator.classpath ] || [ ! -d target/test-classes/dev/fmgateway/emulator ]; then
    ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/emulator.classpath >&2
fi
# shellcheck disable=SC2086
exec "$JAVA" ${EMULATOR_JVM_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/emulator.classpath)" \
    dev.fmgateway.emulator.EmulatorMain "$@"
