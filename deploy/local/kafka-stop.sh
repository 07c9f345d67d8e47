#!/usr/bin/env bash
# Stops the local Kafka broker started by kafka.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pidfile="$STATE/kafka/kafka.pid"
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
if kill -0 "$pid" 2>/dev/null; then
  log "stopping Kafka (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
fi
rm -f "$pidfile"
