#!/bin/sh
# Starts fm-gateway with the JVM flags of config/jvm.options (one flag a line, '#' comments).
# The JDK's @argfiles do not accept '#' comments, so comments and blank lines are stripped here.
#   JVM_OPTIONS_FILE  the flags file                       /app/config/jvm.options
#   JAVA_OPTS         more flags, after the file's (so they win, e.g. JAVA_OPTS=-Xmx512m)
#   APP_JAR           the application jar                  /app/fm-gateway.jar
#   AOT_CACHE         the JDK AOT cache made for that jar  /app/fm-gateway.aot (used when the file exists)
# Arguments are passed to the application (Spring Boot properties such as --server.port=8080).
set -eu
file=${JVM_OPTIONS_FILE:-/app/config/jvm.options}
flags=""
if [ -r "$file" ]; then
    flags=$(sed -e 's/[[:space:]]#.*$//' -e 's/^#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$file" | tr '\n' ' ')
else
    echo "entrypoint: $file not found, starting without its JVM flags" >&2
fi
aot=${AOT_CACHE:-/app/fm-gateway.aot}
if [ -r "$aot" ]; then
    flags="$flags -XX:AOTCache=$aot"
fi
set -f  # the flags are split on whitespace, never globbed
# shellcheck disable=SC2086
exec java $flags ${JAVA_OPTS:-} -jar "${APP_JAR:-/app/fm-gateway.jar}" "$@"
