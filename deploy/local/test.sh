#!/usr/bin/env bash
# The test command: starts what the tests need (PostgreSQL, Kafka), runs every test with Maven
# (unit, API, event, end-to-end and fault-suite tests), then lints the OpenAPI documents.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -pl topics-service
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$ROOT/deploy/local/postgres.sh"
kafka_was_running=0
port_open "$KAFKA_HOST" "$KAFKA_PORT" && kafka_was_running=1
"$ROOT/deploy/local/kafka.sh"
if [ "$kafka_was_running" = 0 ]; then
  # Stop the broker we started, whatever the outcome.
  trap 'KEEP_KAFKA=0 "$ROOT/deploy/local/kafka-stop.sh"' EXIT
fi

cd "$ROOT"
mvn -B verify "$@"
# The whole build made all three OpenAPI documents: lint them (Spectral and Redocly, pinned in contracts/lint).
if [ $# -eq 0 ]; then
  contracts/lint/lint.sh
fi
