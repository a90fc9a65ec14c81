#!/usr/bin/env bash
# Starts the real services the tests talk to, on loopback, each in a throwaway directory, and
# prints the environment the tests read. Installs a missing server from Debian's packages.
#
#   eval "$(bash tests/services.sh start)"   # exports INTAKEMESH_TEST_POSTGRES, INTAKEMESH_TEST_RABBITMQ
#                                            # and INTAKEMESH_SERVICES_DIR
#   bash tests/services.sh stop
set -euo pipefail

PG_PORT=${INTAKEMESH_TEST_PG_PORT:-55432}
PG_BIN=/usr/lib/postgresql/15/bin
RABBIT_PORT=${INTAKEMESH_TEST_RABBITMQ_PORT:-5672}
# A fixed node name on loopback avoids the host-name lookups that break a node on these machines.
RABBIT_NODE=${INTAKEMESH_TEST_RABBITMQ_NODE:-rabbit@localhost}
RABBIT_START_TIMEOUT=${INTAKEMESH_TEST_RABBITMQ_TIMEOUT:-60}

log() { echo "services: $*" >&2; }

install_postgres() {
  [ -x "$PG_BIN/initdb" ] && return 0
  log "installing PostgreSQL (apt)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
}

install_rabbitmq() {
  command -v rabbitmq-server >/dev/null 2>&1 && return 0
  log "installing RabbitMQ (apt)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >&2
}

# The node's environment: loopback only, and its database and logs in the run's own directory,
# so a run neither touches nor depends on a system-wide RabbitMQ. rabbitmqctl needs the same.
rabbit_env() {
  local dir=$1
  export ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$RABBIT_PORT \
    RABBITMQ_NODENAME=$RABBIT_NODE \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_MNESIA_BASE=$dir/rabbitmq/mnesia RABBITMQ_LOG_BASE=$dir/rabbitmq/log \
    RABBITMQ_PID_FILE=$dir/rabbitmq/rabbit.pid
}

start_rabbitmq() {
  local dir=$1
  install_rabbitmq
  mkdir -p "$dir/rabbitmq/mnesia" "$dir/rabbitmq/log"
  # A node of the same name or a listener on the port belongs to another run: await_startup
  # would report that node as ours, and our stop would then stop it under the other run.
  if epmd -names 2>/dev/null | grep -q "^name ${RABBIT_NODE%@*} " || (exec 3<>"/dev/tcp/127.0.0.1/$RABBIT_PORT") 2>/dev/null; then
    log "a RabbitMQ node ($RABBIT_NODE or port $RABBIT_PORT) is already running; set INTAKEMESH_TEST_RABBITMQ_NODE and INTAKEMESH_TEST_RABBITMQ_PORT for a second one"
    return 1
  fi
  # The run directory belongs to postgres; the rabbitmq user only needs to pass through it.
  chmod o+x "$dir"
  # As root, Debian's wrapper runs the node as the rabbitmq user.
  chown -R rabbitmq:rabbitmq "$dir/rabbitmq"
  # epmd outlives the node; remember whether this run started it, so stop ends only its own.
  pgrep -x epmd >/dev/null 2>&1 && echo "shared" >"$dir/rabbitmq/epmd.owner" || echo "ours" >"$dir/rabbitmq/epmd.owner"
  (rabbit_env "$dir"; rabbitmq-server -detached >&2)
  local waited=0
  # await_startup exits non-zero (69) while the node is still booting or not yet registered.
  until (rabbit_env "$dir"; rabbitmqctl -q await_startup >/dev/null 2>&1); do
    if [ "$waited" -ge $((RABBIT_START_TIMEOUT * 4)) ]; then
      log "RabbitMQ did not start within ${RABBIT_START_TIMEOUT}s; its logs:"
      tail -n 30 "$dir"/rabbitmq/log/*.log >&2 2>/dev/null || true
      # Our half-started node, by the pid it wrote: never by name, which another run may share.
      [ -s "$dir/rabbitmq/rabbit.pid" ] && kill "$(cat "$dir/rabbitmq/rabbit.pid")" 2>/dev/null
      return 1
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  pgrep -x epmd >"$dir/rabbitmq/epmd.pid" 2>/dev/null || true
  touch "$dir/rabbitmq/node.owned"
  log "RabbitMQ on 127.0.0.1:$RABBIT_PORT ($RABBIT_NODE)"
}

stop_rabbitmq() {
  local dir=$1
  [ -d "$dir/rabbitmq" ] || return 0
  # Only a node this run started: a failed start must not stop someone else's node of that name.
  if [ -f "$dir/rabbitmq/node.owned" ]; then
    (rabbit_env "$dir"; rabbitmqctl -q stop >/dev/null 2>&1) || true
  fi
  if [ "$(cat "$dir/rabbitmq/epmd.owner" 2>/dev/null)" = "ours" ] && [ -s "$dir/rabbitmq/epmd.pid" ]; then
    kill "$(head -1 "$dir/rabbitmq/epmd.pid")" 2>/dev/null || true
  fi
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
  if ! start_rabbitmq "$dir"; then
    # Leave nothing running: the caller gets no directory to stop later.
    INTAKEMESH_SERVICES_DIR=$dir stop
    return 1
  fi
  echo "export INTAKEMESH_TEST_RABBITMQ=amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
  echo "export INTAKEMESH_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true'"
}

stop() {
  local dir=${INTAKEMESH_SERVICES_DIR:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  stop_rabbitmq "$dir"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
