#!/usr/bin/env bash
# Stops what up.sh started: the three services and the Kafka broker (PostgreSQL is the system's and stays).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_pidfile() {
  local name=$1 pidfile=$2
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
for svc in followup sessions topics; do stop_pidfile "$svc-service" "$STATE/services/$svc.pid"; done
[ "${KEEP_KAFKA:-}" = 1 ] || "$ROOT/deploy/local/kafka-stop.sh"
