#!/usr/bin/env bash
# Starts the real services the tests talk to, on loopback, each in a throwaway directory, and
# prints the environment the tests read. Installs a missing server from Debian's packages.
#
#   eval "$(bash tests/services.sh start)"   # exports INTAKEMESH_TEST_POSTGRES and INTAKEMESH_SERVICES_DIR
#   bash tests/services.sh stop
set -euo pipefail

PG_PORT=${INTAKEMESH_TEST_PG_PORT:-55432}
PG_BIN=/usr/lib/postgresql/15/bin

log() { echo "services: $*" >&2; }

install_postgres() {
  [ -x "$PG_BIN/initdb" ] && return 0
  log "installing PostgreSQL (apt)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
}

start() {
  install_postgres
  local dir
  dir=$(mktemp -d /tmp/intakemesh-services.XXXXXX)
  chown postgres:postgres "$dir"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir -c fsync=off -c max_connections=300" start >&2
  log "PostgreSQL on 127.0.0.1:$PG_PORT ($dir)"
  echo "export INTAKEMESH_SERVICES_DIR=$dir"
  echo "export INTAKEMESH_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true'"
}

stop() {
  local dir=${INTAKEMESH_SERVICES_DIR:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
