#!/usr/bin/env bash
# PostgreSQL on 127.0.0.1:5432 with the project's role and databases. Safe to repeat.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing PostgreSQL (Debian package postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi

cluster=$(pg_lsclusters --no-header | awk '{print $1" "$2}' | head -n 1)
if [ -z "$cluster" ]; then
  major=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  log "creating cluster $major/main"
  pg_createcluster "$major" main >/dev/null
  cluster="$major main"
fi
set -- $cluster
if pg_ctlcluster "$1" "$2" status >/dev/null 2>&1; then
  log "PostgreSQL $1/$2 already running"
else
  log "starting PostgreSQL $1/$2"
  pg_ctlcluster "$1" "$2" start
fi
wait_for 30 "PostgreSQL on $PG_HOST:$PG_PORT" port_open "$PG_HOST" "$PG_PORT"

psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAtX "$@"; }
wait_for 30 "PostgreSQL to accept queries" psql_admin -c 'select 1' >/dev/null

if [ "$(psql_admin -c "select 1 from pg_roles where rolname = '$PG_USER'")" != 1 ]; then
  log "creating role $PG_USER"
  psql_admin -c "create role \"$PG_USER\" login password '$PG_PASSWORD'"
fi
# Each service owns its database; *_test for the services' own tests, *_e2e for the end-to-end run.
for db in topics sessions followup topics_test sessions_test followup_test topics_e2e sessions_e2e followup_e2e; do
  if [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    log "creating database $db"
    psql_admin -c "create database \"$db\" owner \"$PG_USER\" encoding 'UTF8' template template0"
  fi
done
log "PostgreSQL ready on $PG_HOST:$PG_PORT (role $PG_USER)"
