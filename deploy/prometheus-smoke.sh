#!/usr/bin/env bash
# Scrapes a running IntakeMesh host with a real Prometheus and checks the target is up.
#
#   bash deploy/prometheus-smoke.sh http://127.0.0.1:8080
#
# Starts prometheus on 127.0.0.1:${PROM_SMOKE_PORT:-19090} with a throw-away config and TSDB,
# waits until job "intakemesh" is up, prints the results of
#   up{job="intakemesh"}   and   intakemesh_events_consumed_total
# and exits 0 only when up == 1. Prometheus is stopped and its files removed on every exit.
# Env: PROM_SMOKE_PORT, PROM_SMOKE_TIMEOUT (seconds, default 30), PROMETHEUS_BIN.
# Prometheus applies new targets about 5 s after start, so expect a run to take 6-8 s.
set -euo pipefail

usage() { echo "usage: $0 BASE_URL   (e.g. http://127.0.0.1:8080)" >&2; exit 2; }
[ $# -eq 1 ] || usage
say() { echo "prometheus-smoke: $*"; }

URL=${1%/}
[[ $URL =~ ^(https?)://([^/]+)(/.*)?$ ]] || usage
SCHEME=${BASH_REMATCH[1]}
HOSTPORT=${BASH_REMATCH[2]}
PREFIX=${BASH_REMATCH[3]:-}
PORT=${PROM_SMOKE_PORT:-19090}
TIMEOUT=${PROM_SMOKE_TIMEOUT:-30}
PROM=http://127.0.0.1:$PORT

# prometheus comes from Debian's package; install it when missing and allowed to.
PROMETHEUS_BIN=${PROMETHEUS_BIN:-$(command -v prometheus || true)}
if [ -z "$PROMETHEUS_BIN" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing prometheus (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    PROMETHEUS_BIN=$(command -v prometheus)
  else
    say "prometheus not found (apt-get install prometheus)"; exit 2
  fi
fi
command -v curl >/dev/null || { say "curl is required"; exit 2; }

if curl -fsS -o /dev/null --max-time 2 "$PROM/-/ready" 2>/dev/null; then
  say "something already listens on 127.0.0.1:$PORT (set PROM_SMOKE_PORT)"; exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/intakemesh-prom-smoke.XXXXXX")
PROM_PID=""
cleanup() {
  if [ -n "$PROM_PID" ] && kill -0 "$PROM_PID" 2>/dev/null; then
    kill "$PROM_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PROM_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PROM_PID" 2>/dev/null || true
    wait "$PROM_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cat >"$WORK/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: intakemesh
    scheme: $SCHEME
    metrics_path: $PREFIX/metrics
    static_configs:
      - targets: ["$HOSTPORT"]
EOF

say "scraping $SCHEME://$HOSTPORT$PREFIX/metrics with $PROMETHEUS_BIN on 127.0.0.1:$PORT"
"$PROMETHEUS_BIN" --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PORT" --log.level=warn >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!

query() { # query PROMQL -> JSON response
  curl -fsS --max-time 5 -G "$PROM/api/v1/query" --data-urlencode "query=$1"
}
# value of the first sample in a query response ("" when the result is empty)
first_value() { grep -o '"value":\[[^]]*\]' | head -n 1 | sed -E 's/.*,"([^"]*)"\]$/\1/' || true; }

deadline=$((SECONDS + TIMEOUT))
until curl -fsS -o /dev/null --max-time 1 "$PROM/-/ready" 2>/dev/null; do
  if ! kill -0 "$PROM_PID" 2>/dev/null; then say "prometheus exited:"; cat "$WORK/prometheus.log"; exit 1; fi
  [ $SECONDS -lt $deadline ] || { say "prometheus not ready after ${TIMEOUT}s"; cat "$WORK/prometheus.log"; exit 1; }
  sleep 0.2
done

UP_QUERY='up{job="intakemesh"}'
up=""
while :; do
  up_json=$(query "$UP_QUERY" || true)
  up=$(first_value <<<"$up_json")
  [ "$up" = "1" ] && break
  [ $SECONDS -lt $deadline ] || break
  sleep 0.5
done

say "$UP_QUERY => ${up_json:-<no response>}"
if [ "$up" != "1" ]; then
  say "FAIL: target not up within ${TIMEOUT}s (up=${up:-none})"
  curl -fsS --max-time 5 "$PROM/api/v1/targets" 2>/dev/null \
    | grep -oE '"lastError":"([^"\\]|\\.)*"' | head -n 1 | sed 's/^/prometheus-smoke: /' || true
  exit 1
fi

# The counter appears once the host has consumed something; give it a couple of scrapes.
for _ in 1 2 3 4 5 6; do
  consumed_json=$(query 'intakemesh_events_consumed_total' || true)
  grep -q '"result":\[{' <<<"$consumed_json" && break
  sleep 0.5
done
say "intakemesh_events_consumed_total => ${consumed_json:-<no response>}"
say "PASS: up{job=\"intakemesh\"} == 1"
