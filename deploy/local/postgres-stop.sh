#!/usr/bin/env bash
# Stops the local PostgreSQL cluster (used by the fault suite; deploy/local/postgres.sh starts it again).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cluster=$(pg_lsclusters --no-header | awk '{print $1" "$2}' | head -n 1)
[ -n "$cluster" ] || exit 0
set -- $cluster
if pg_ctlcluster "$1" "$2" status >/dev/null 2>&1; then
  log "stopping PostgreSQL $1/$2"
  pg_ctlcluster "$1" "$2" stop -m fast
fi
