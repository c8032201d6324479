#!/usr/bin/env bash
# Validates the deployable stack offline (no Docker engine, no cluster needed):
#   - docker/compose.yaml (alone and with compose.emulator.yaml): docker-compose config
#   - docker/nginx/nginx.conf: nginx -t (replica host names mapped to 127.0.0.1, nothing is started)
#   - docker/entrypoint.sh + config/jvm.options: the flags the image would pass, run on a JDK 25 (the image's)
#   - docker/prometheus: promtool check config, check rules, test rules (rules.test.yml)
#   - docker/grafana: dashboards are JSON, up to date with dashboards.py, well-formed for Grafana, and every
#     panel query is valid PromQL (promtool check rules on a file of recording rules made from them)
#   - deploy/k8s: render.sh's bundle against the Kubernetes schema (.ci/k8s-schema: kubernetes-models + tsc),
#     and its ConfigMap holds config/ byte for byte
# Installs what is missing with apt-get (docker-compose, prometheus, nginx-light, jq) and npm (.ci/k8s-schema).
# Ends with 'N passed, N failed'; exits 1 when a check failed.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
WORK=$(mktemp -d /tmp/fmgw-validate.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

passed=0; failed=0
step() { # step NAME COMMAND...: runs it, prints its output indented, counts the result
    local name=$1; shift
    echo "== $name"
    if "$@" > "$WORK/out" 2>&1; then
        sed 's/^/   /' "$WORK/out"; echo "   -> ok"; passed=$((passed + 1))
    else
        sed 's/^/   /' "$WORK/out"; echo "   -> FAILED"; failed=$((failed + 1))
    fi
}

need_apt=()
command -v docker-compose >/dev/null || need_apt+=(docker-compose)
command -v promtool >/dev/null || need_apt+=(prometheus)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx-light)
command -v jq >/dev/null || need_apt+=(jq)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "installing ${need_apt[*]} (apt-get)"
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}"; } \
        > "$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log"; echo "apt-get failed"; exit 2; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---- compose ----
compose_config() {
    docker-compose --version
    docker-compose -p fm-gateway -f docker/compose.yaml "$@" config -q && \
    docker-compose -p fm-gateway -f docker/compose.yaml "$@" config --services | tr '\n' ' ' && echo
}
step "docker-compose config: docker/compose.yaml" compose_config
step "docker-compose config: + docker/compose.emulator.yaml" compose_config -f docker/compose.emulator.yaml

nginx_check() {
    sed -E 's/gateway-[12]:8080/127.0.0.1:8080/; s/resolver [^;]*;//' docker/nginx/nginx.conf > "$WORK/nginx.conf"
    "$NGINX" -t -c "$WORK/nginx.conf" -p "$WORK" -g "pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;"
}
step "nginx -t: docker/nginx/nginx.conf" nginx_check

# ---- image entrypoint and JVM flags ----
jvm_flags() {
    local jdk
    jdk=$(ls -d /usr/lib/jvm/*25*/bin 2>/dev/null | head -1)
    [ -n "$jdk" ] || jdk=$(ls -d /usr/lib/jvm/*/bin | sort -V | tail -1)
    sh -n docker/entrypoint.sh && bash -n docker/healthcheck.sh || return 1
    echo "JDK: $("$jdk/java" -version 2>&1 | head -1)"
    # The entrypoint as the image runs it; -version ends the JVM before the jar would be opened.
    PATH="$jdk:$PATH" JVM_OPTIONS_FILE=config/jvm.options APP_JAR=/nonexistent.jar \
        JAVA_OPTS="-XX:+PrintCommandLineFlags -version" sh docker/entrypoint.sh 2>&1 | grep -v -E '^(OpenJDK|openjdk)' 
    PATH="$jdk:$PATH" JVM_OPTIONS_FILE=config/jvm.options APP_JAR=/nonexistent.jar JAVA_OPTS=-version \
        sh docker/entrypoint.sh > /dev/null 2>&1 || { echo "the JVM refused config/jvm.options"; return 1; }
}
step "config/jvm.options through docker/entrypoint.sh" jvm_flags

# ---- Prometheus ----
step "promtool check config docker/prometheus/prometheus.yml" promtool check config docker/prometheus/prometheus.yml
step "promtool check rules docker/prometheus/rules.yml" promtool check rules docker/prometheus/rules.yml
step "promtool test rules docker/prometheus/rules.test.yml" promtool test rules docker/prometheus/rules.test.yml

# ---- Grafana ----
dashboards_json() {
    local f rc=0
    for f in docker/grafana/dashboards/*.json; do
        jq empty "$f" || { echo "$f: not JSON"; rc=1; continue; }
        # Grafana needs: uid and title, unique panel ids, a datasource uid it provisions, a query per target.
        jq -e --arg ds fm-prometheus '
            (.uid | type == "string") and (.title | type == "string")
            and ([.panels[].id] | length == (unique | length))
            and all(.panels[] | select(.targets) | .datasource.uid; . == $ds)
            and all(.panels[] | .targets[]?; (.expr | type == "string" and length > 0) and (.refId | type == "string"))
            and all(.panels[]; .gridPos.w > 0 and .gridPos.w <= 24 and .gridPos.x + .gridPos.w <= 24)' "$f" > /dev/null \
            || { echo "$f: malformed for Grafana"; rc=1; continue; }
        printf '%s: %s panels, %s queries\n' "$f" "$(jq '[.panels[] | select(.type != "row")] | length' "$f")" \
            "$(jq '[.panels[].targets[]?] | length' "$f")"
    done
    python3 docker/grafana/dashboards.py --check && echo "dashboards.py --check: committed JSON is up to date" || rc=1
    grep -q 'uid: fm-prometheus' docker/grafana/provisioning/datasources/prometheus.yaml \
        || { echo "the provisioned datasource does not have uid fm-prometheus"; rc=1; }
    return $rc
}
step "Grafana dashboards (jq)" dashboards_json

dashboards_promql() {
    # Each panel query becomes a recording rule; promtool then parses every one of them as PromQL.
    jq -r '.panels[] | .targets[]? | .expr' docker/grafana/dashboards/*.json \
        | sed -e 's/\$__rate_interval/1m/g' -e 's/\$__range/1h/g' -e 's/\$instance/.*/g' > "$WORK/exprs"
    {
        echo "groups:"; echo "  - name: dashboards"; echo "    rules:"
        local i=0 e
        while IFS= read -r e; do
            i=$((i + 1))
            printf '      - record: dashboard:query_%d\n        expr: %s\n' "$i" "$(jq -Rn --arg e "$e" '$e')"
        done < "$WORK/exprs"
    } > "$WORK/dashboard-rules.yml"
    promtool check rules "$WORK/dashboard-rules.yml"
}
step "Grafana panel queries are valid PromQL (promtool)" dashboards_promql

provisioning_yaml() {
    node -e '
      const { parseAllDocuments } = require(process.argv[1]);
      for (const f of process.argv.slice(2)) {
        for (const d of parseAllDocuments(require("fs").readFileSync(f, "utf8"), { uniqueKeys: true }))
          if (d.errors.length) { console.log(f + ": " + d.errors[0].message); process.exit(1); }
        console.log(f + ": YAML ok");
      }' "$ROOT/.ci/k8s-schema/node_modules/yaml/dist/index.js" docker/grafana/provisioning/*/*.yaml docker/prometheus/*.yml
}

# ---- Kubernetes ----
k8s_install() {
    node --version
    (cd .ci/k8s-schema && npm ci --no-audit --no-fund --loglevel=error) || return 1
    node -e 'console.log("kubernetes-models " + require("./.ci/k8s-schema/node_modules/kubernetes-models/package.json").version
      + ", typescript " + require("./.ci/k8s-schema/node_modules/typescript/package.json").version)'
}
step "npm ci .ci/k8s-schema" k8s_install
step "Grafana provisioning and Prometheus files are YAML" provisioning_yaml
step "k8s schema check: self-test (each layer rejects a broken manifest)" node .ci/k8s-schema/validate.mjs --self-test
k8s_bundle() {
    deploy/k8s/render.sh --with-example-secrets > "$WORK/bundle.yaml" || return 1
    node .ci/k8s-schema/validate.mjs "$WORK/bundle.yaml"
}
step "k8s schema check: deploy/k8s/render.sh --with-example-secrets" k8s_bundle
k8s_configmap() {
    node --input-type=module -e '
      import fs from "node:fs";
      const { parseAllDocuments } = await import(process.argv[1]);
      const cm = parseAllDocuments(fs.readFileSync(process.argv[2], "utf8")).map((d) => d.toJS()).find((o) => o?.kind === "ConfigMap");
      const files = fs.readdirSync("config").filter((f) => fs.statSync("config/" + f).isFile()).sort();
      let bad = 0;
      for (const f of files) {
        const same = cm.data[f] === fs.readFileSync("config/" + f, "utf8");
        if (!same) bad++;
        console.log(`config/${f}: ${same ? "identical in the ConfigMap" : "DIFFERS in the ConfigMap"}`);
      }
      if (Object.keys(cm.data).length !== files.length) { console.log("the ConfigMap has other keys"); bad++; }
      process.exit(bad ? 1 : 0);' "$ROOT/.ci/k8s-schema/node_modules/yaml/dist/index.js" "$WORK/bundle.yaml"
}
step "k8s ConfigMap holds config/ byte for byte" k8s_configmap

step "shell syntax of the stack scripts" bash -n deploy/k8s/render.sh bench/stack.sh .ci/validate-deploy.sh

echo
echo "validate-deploy: $passed passed, $failed failed"
[ "$failed" = 0 ]
