#!/usr/bin/env bash
# Drops and recreates the services' local databases (not the *_test ones). Asks nothing: for development only.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for db in topics sessions followup topics_e2e sessions_e2e followup_e2e; do
  runuser -u postgres -- psql -qAtX -c "drop database if exists \"$db\" with (force)"
done
exec "$ROOT/deploy/local/postgres.sh"
